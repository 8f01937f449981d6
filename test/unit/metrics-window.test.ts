import { describe, expect, it } from "vitest";
import { NHSA_2025_03 } from "@/app/_domain/catalogues/nhsa-2025-03";
import { computeRegionMetrics, computeRegionValues, monthsRead, type AcceptedColumns, type AcceptedRows } from "@/app/_domain/metrics";
import { addMonths, type Period } from "@/app/_domain/periods";
import type { IndicatorDef } from "@/app/_domain/catalogue";
import { generateDemoMonths } from "@/prisma/seed/demo-sheets";

/**
 * Accepting a month recomputes only the months that read it, from only the months those read (monthsRead).
 * That is right only if a month computed from that window equals the same month computed from the whole
 * history — checked here for every month of a 36-month demo region, and for a local formula that reaches
 * back two years.
 */
const institutions = Array.from({ length: 4 }, (_, i) => ({
  code: `H34990000${i + 1}`,
  name: `医院${i + 1}`,
  level: ["LEVEL_3", "LEVEL_2", "LEVEL_1", "UNRATED"][i]!,
  beds: 100 + i * 50,
}));
const FIRST: Period = "2023-01";
const LAST: Period = "2025-12";

function history(catalogue: readonly IndicatorDef[]): Map<Period, AcceptedRows> {
  const months = generateDemoMonths({
    catalogue,
    region: { code: "349900", scale: 3 },
    institutions,
    from: FIRST,
    to: LAST,
    anomalies: null,
  });
  return new Map([...months].map(([p, rows]) => [p, { versionId: `v-${p}`, rows }]));
}

/** The months `offsets` names; of those not in `institutionOffsets` (when given), the region's rows alone. */
function windowOf(
  all: Map<Period, AcceptedRows>,
  target: Period,
  offsets: readonly number[],
  institutionOffsets?: readonly number[],
): Map<Period, AcceptedRows> {
  const out = new Map<Period, AcceptedRows>();
  for (const o of offsets) {
    const sheet = all.get(addMonths(target, o));
    if (!sheet) continue;
    const regionOnly = institutionOffsets !== undefined && !institutionOffsets.includes(o);
    out.set(addMonths(target, o), regionOnly ? { ...sheet, rows: sheet.rows.filter((r) => r.institutionCode === null) } : sheet);
  }
  return out;
}

describe("months a computation reads (monthsRead)", () => {
  it("are, for the national catalogue, the month, the two before, and the same three one year back, plus two years back (YOY's previous year)", () => {
    expect(monthsRead(NHSA_2025_03.indicators, "ALL", false)).toEqual([0, -1, -2, -12, -13, -14, -24]);
    expect(
      monthsRead(
        NHSA_2025_03.indicators.filter((i) => i.scope === "INSTITUTION"),
        "ALL",
        false,
      ),
    ).toEqual([0, -1, -2, -12]);
    // Institution values: only the month, the two before and a year back; the rest only for the region's growth rates.
    expect(monthsRead(NHSA_2025_03.indicators, "INSTITUTION", false)).toEqual([0, -1, -2, -12]);
  });

  it("in a quarter's last month also include the quarters before (t − 3, t − 6) and a year back (t − 15, t − 18, t − 27)", () => {
    // quarter(t) = ytd(t) − ytd(t − 3); qoq reads quarter(t − 3) = … − ytd(t − 6); quarterYoy reads quarter(t − 12);
    // a YOY formula's quarter value reads quarter(t − 12), whose prevYearQuarter reads quarter(t − 24) → t − 27.
    expect(monthsRead(NHSA_2025_03.indicators)).toEqual([0, -1, -2, -3, -6, -12, -13, -14, -15, -18, -24, -27]);
    expect(monthsRead(NHSA_2025_03.indicators, "INSTITUTION")).toEqual([0, -1, -2, -3, -6, -12, -15]);
  });

  it("give every month exactly the rows of a computation over the whole history", () => {
    const catalogue = NHSA_2025_03.indicators;
    const all = history(catalogue);
    const offsets = monthsRead(catalogue)!;
    const institutionOffsets = monthsRead(catalogue, "INSTITUTION")!;
    const levels = institutions.map((i) => ({ code: i.code, level: i.level }));
    const periods = [...all.keys()];
    const full = computeRegionValues({ catalogue, institutions: levels, accepted: all, periods });
    const perMonth = full.length / periods.length;
    periods.forEach((target, k) => {
      // A month that ends no quarter needs fewer months (no quarter fields): what loadAcceptedWindow loads.
      const quarterEnd = Number(target.slice(5)) % 3 === 0;
      const own = quarterEnd ? offsets : monthsRead(catalogue, "ALL", false)!;
      const ownInstitution = quarterEnd ? institutionOffsets : monthsRead(catalogue, "INSTITUTION", false)!;
      const windowed = computeRegionValues({
        catalogue,
        institutions: levels,
        accepted: windowOf(all, target, own, ownInstitution),
        periods: [target],
        since: FIRST,
      });
      expect(windowed, target).toEqual(full.slice(k * perMonth, (k + 1) * perMonth));
    });
  });

  it("would not with the 13 months earlier versions loaded: a growth rate's previous-year value reads two years back", () => {
    const catalogue = NHSA_2025_03.indicators;
    const all = history(catalogue);
    const levels = institutions.map((i) => ({ code: i.code, level: i.level }));
    const target: Period = "2025-06";
    const thirteen = windowOf(
      all,
      target,
      Array.from({ length: 14 }, (_, i) => -i),
    );
    const row = (accepted: Map<Period, AcceptedRows>) =>
      computeRegionValues({ catalogue, institutions: levels, accepted, periods: [target], since: FIRST }).find(
        (r) => r.indicatorCode === "FI06",
      )!;
    expect(row(all).prevYearYtd).not.toBeNull();
    expect(row(thirteen).prevYearYtd).toBeNull();
  });

  it("follow local formulas: PREV_YEAR(YOY(x)) reaches three years back; a formula reading its own past reads everything", () => {
    const base = NHSA_2025_03.indicators.find((i) => i.code === "FI06")!;
    const deep: IndicatorDef = { ...base, code: "LX01", formula: "PREV_YEAR(YOY(FI03))" };
    expect(monthsRead([...NHSA_2025_03.indicators, deep])).toContain(-36);
    const balance: IndicatorDef = { ...base, code: "LX02", basis: "STOCK", formula: "PREV_MONTH(LX02) + FI03" };
    expect(monthsRead([...NHSA_2025_03.indicators, balance])).toBeNull();
  });

  it("lineage off changes nothing but the lineage", () => {
    const catalogue = NHSA_2025_03.indicators;
    const all = history(catalogue);
    const levels = institutions.map((i) => ({ code: i.code, level: i.level }));
    const periods: Period[] = ["2025-01", "2025-07"];
    const withLineage = computeRegionMetrics({ catalogue, institutions: levels, accepted: all, periods });
    expect(computeRegionValues({ catalogue, institutions: levels, accepted: all, periods })).toEqual(
      withLineage.map(({ lineage: _, ...values }) => values),
    );
  });

  it("sheets given as columns (as storage reads them) give the rows of the same sheets given as rows", () => {
    const catalogue = NHSA_2025_03.indicators;
    const all = history(catalogue);
    const levels = institutions.map((i) => ({ code: i.code, level: i.level }));
    const columns = new Map<Period, AcceptedColumns>(
      [...all].map(([p, { versionId, rows }]) => [
        p,
        {
          versionId,
          columns: {
            indicatorCodes: rows.map((r) => r.indicatorCode),
            schemes: rows.map((r) => r.scheme),
            institutionCodes: rows.map((r) => r.institutionCode),
            values: rows.map((r) => r.value),
          },
        },
      ]),
    );
    const periods: Period[] = ["2024-03", "2025-12"];
    expect(computeRegionMetrics({ catalogue, institutions: levels, accepted: columns, periods })).toEqual(
      computeRegionMetrics({ catalogue, institutions: levels, accepted: all, periods }),
    );
  });
});
