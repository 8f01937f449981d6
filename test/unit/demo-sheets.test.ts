import { describe, expect, it } from "vitest";
import { NHSA_2025_03 } from "@/app/_domain/catalogues/nhsa-2025-03";
import { addMonths, previousDecember, yearMonth, type Period } from "@/app/_domain/periods";
import { SheetDecimal } from "@/app/_domain/sheets/sheet-decimal";
import type { SheetIssue, SheetReport, SheetValueRow } from "@/app/_domain/sheets/types";
import type { PreviousValueMap } from "@/app/_domain/sheets/types";
import { cellKey, validateSheet } from "@/app/_domain/sheets/validate-sheet";
import { DEMO_REGIONS, demoInstitutionsOf } from "@/prisma/seed/demo-data";
import {
  demoAnomalyInstitutions,
  demoAnomalyPlan,
  demoAnomalyWarnings,
  generateDemoMonth,
  generateDemoMonths,
  unitsToDecimal,
} from "@/prisma/seed/demo-sheets";

/**
 * The demo sheets (prisma/seed/demo-sheets.ts) must look like a region's real monthly uploads: validateSheet,
 * run month after month with the previous months as the server passes them, finds no error and no warning
 * except the ones the planned anomalies cause; and the numbers keep the identities of docs/product.md §5.
 */

const catalogue = NHSA_2025_03.indicators;
const byCode = new Map(catalogue.map((i) => [i.code, i]));
const MONTHS = 27;
/** The validator refuses future periods: validate as if it were well after every generated month. */
const NOW = new Date("2030-01-15T10:00:00+08:00");

const regions = DEMO_REGIONS.map((r) => ({ ...r, insts: demoInstitutionsOf(r) }));
type DemoRegionCase = (typeof regions)[number];
const codeOf = (r: DemoRegionCase, name: string) => r.insts.find((i) => i.name === name)!.code;

/** Which institutions carry the anomalies, spelt out (demoAnomalyInstitutions must agree). */
const ANOMALOUS: Record<string, { costJump: string; readmission: string; outpatientSpike: string }> = {
  合肥市: { costJump: "合肥市第二人民医院", readmission: "庐阳区杏花村社区卫生服务中心", outpatientSpike: "合肥康宁精神专科医院" },
  芜湖市: { costJump: "芜湖市第二人民医院", readmission: "镜湖区范罗山社区卫生服务中心", outpatientSpike: "芜湖安康精神专科医院" },
  宿松县: { costJump: "宿松县人民医院", readmission: "宿松县程岭乡卫生院", outpatientSpike: "宿松县精神病医院" },
};

function run(r: DemoRegionCase, last: Period, anomalies = true) {
  return generateDemoMonths({
    catalogue,
    region: { code: r.code, scale: r.scale },
    institutions: r.insts,
    from: addMonths(last, -(MONTHS - 1)),
    to: last,
    anomalies: anomalies ? demoAnomalyPlan(last) : null,
  });
}

const asMap = (rows: SheetValueRow[]): PreviousValueMap =>
  new Map(rows.map((x) => [cellKey(x.indicatorCode, x.scheme, x.institutionCode), x.value]));

/** Validates every month with the previous months' values, keyed as the upload use case keys them. */
function validateRun(r: DemoRegionCase, months: Map<Period, SheetValueRow[]>, cat = catalogue) {
  const maps = new Map([...months].map(([p, rows]) => [p, asMap(rows)]));
  const out: { period: Period; errors: SheetIssue[]; warnings: SheetIssue[]; values: SheetValueRow[]; counts: SheetReport["counts"] }[] =
    [];
  for (const [period, rows] of months) {
    const { report, values } = validateSheet({
      catalogue: cat,
      regionCode: r.code,
      period,
      expectedRegionCode: r.code,
      institutions: r.insts.map((i) => ({ code: i.code, name: i.name })),
      cells: rows.map((x, i) => ({
        indicatorCode: x.indicatorCode,
        scheme: x.scheme,
        institutionCode: x.institutionCode,
        raw: x.value ?? "",
        location: `第 ${i + 2} 行`,
      })),
      previous: {
        sameYearPrevMonth: period.endsWith("-01") ? undefined : maps.get(addMonths(period, -1)),
        prevDecember: maps.get(previousDecember(period)),
        monthBeforePrev: maps.get(addMonths(period, -2)),
      },
      now: NOW,
    });
    out.push({ period, errors: report.errors, warnings: report.warnings, values, counts: report.counts });
  }
  return out;
}

const value = (rows: SheetValueRow[], code: string, scheme: string, inst: string | null = null) => {
  const row = rows.find((x) => x.indicatorCode === code && x.scheme === scheme && x.institutionCode === inst);
  if (!row?.value) throw new Error(`no value for ${code} ${scheme} ${inst ?? ""}`);
  return new SheetDecimal(row.value);
};

/** A FLOW indicator's own month value (ytd − the previous month's ytd; January: ytd). */
const monthValue = (months: Map<Period, SheetValueRow[]>, period: Period, code: string, scheme: string, inst: string | null = null) => {
  const ytd = value(months.get(period)!, code, scheme, inst);
  return period.endsWith("-01") ? ytd : ytd.minus(value(months.get(addMonths(period, -1))!, code, scheme, inst));
};

const LAST = "2026-02";

describe("demo monthly base sheets", () => {
  describe.each(regions)("$name", (r) => {
    const months = run(r, LAST);
    const anomalous = ANOMALOUS[r.name];

    it("passes validateSheet month after month: no error, and only the planned anomalies' warnings", () => {
      const found = validateRun(r, months);
      expect(found).toHaveLength(MONTHS);
      // The validator keeps every generated value as it is.
      for (const m of found) {
        expect(m.values).toEqual(months.get(m.period));
        expect(m.counts).toEqual({ cells: m.values.length, values: m.values.length, missing: 0 });
      }
      expect(found.flatMap((m) => m.errors)).toEqual([]);
      const warnings = found.flatMap((m) =>
        m.warnings.map((w) => ({ period: m.period, rule: w.rule, indicatorCode: w.indicatorCode, institutionCode: w.institutionCode })),
      );
      expect(warnings).toEqual([
        { period: "2025-01", rule: "cross.mom-change", indicatorCode: "IN18", institutionCode: codeOf(r, anomalous.outpatientSpike) },
        { period: "2025-02", rule: "cross.mom-change", indicatorCode: "IN18", institutionCode: codeOf(r, anomalous.outpatientSpike) },
        { period: "2025-10", rule: "cross.mom-change", indicatorCode: "IN17", institutionCode: codeOf(r, anomalous.readmission) },
      ]);
      // What the seed attaches explanations to is exactly what the validator finds.
      expect(
        demoAnomalyWarnings(demoAnomalyPlan(LAST), r.insts).map(
          ({ explanation, ...w }) => (expect(explanation.length).toBeGreaterThan(10), w),
        ),
      ).toEqual(warnings);
      expect(demoAnomalyInstitutions(r.insts)).toEqual({
        costJump: codeOf(r, anomalous.costJump),
        readmission: codeOf(r, anomalous.readmission),
        outpatientSpike: codeOf(r, anomalous.outpatientSpike),
      });
    });

    it("without anomalies, passes without any warning", () => {
      const found = validateRun(r, run(r, LAST, false));
      expect(found.flatMap((m) => [...m.errors, ...m.warnings])).toEqual([]);
    });

    it("reports every input for every scheme; quarterly and yearly inputs only when due", () => {
      const bad: string[] = [];
      for (const [period, rows] of months) {
        const { month } = yearMonth(period);
        const due = catalogue.filter(
          (i) =>
            i.formula === null &&
            (i.frequency === "MONTHLY" || (i.frequency === "QUARTERLY" && month % 3 === 0) || (i.frequency === "YEARLY" && month === 12)),
        );
        const expected = due.flatMap((i) =>
          i.scope === "REGION"
            ? i.schemes.map((s) => cellKey(i.code, s, null))
            : r.insts.flatMap((inst) => i.schemes.map((s) => cellKey(i.code, s, inst.code))),
        );
        expect(rows.map((x) => cellKey(x.indicatorCode, x.scheme, x.institutionCode)).sort(), period).toEqual(expected.sort());
        for (const x of rows) {
          const ind = byCode.get(x.indicatorCode)!;
          // Canonical decimals: money to 2 places at most, counts whole.
          const ok =
            ind.formula === null &&
            /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/.test(x.value ?? "") &&
            (ind.unit !== "万元" || /^-?\d+(\.\d{1,2})?$/.test(x.value!)) &&
            (!["人", "人次", "个", "床日"].includes(ind.unit) || /^\d+$/.test(x.value!));
          if (!ok) bad.push(`${period} ${x.indicatorCode} ${x.scheme} ${x.institutionCode ?? ""} ${x.value}`);
        }
      }
      expect(bad).toEqual([]);
    });

    it("keeps TOTAL = EMPLOYEE + RESIDENT exactly and rolls the cumulative balances forward exactly", () => {
      for (const [period, rows] of months) {
        for (const ind of catalogue) {
          if (ind.formula !== null || ind.basis === "RATE" || ind.schemes.length !== 3) continue;
          if (!rows.some((x) => x.indicatorCode === ind.code)) continue;
          const insts = ind.scope === "REGION" ? [null] : r.insts.map((i) => i.code);
          for (const inst of insts)
            expect(value(rows, ind.code, "TOTAL", inst).toString(), `${period} ${ind.code}`).toBe(
              value(rows, ind.code, "EMPLOYEE", inst)
                .plus(value(rows, ind.code, "RESIDENT", inst))
                .toString(),
            );
        }
        const december = months.get(previousDecember(period));
        if (!december) continue;
        for (const [scheme, income, spend, balance] of [
          ["EMPLOYEE", "FI03", "FE01", "FB03"],
          ["RESIDENT", "FI04", "FE02", "FB04"],
        ])
          expect(value(rows, balance, scheme).toString(), `${period} ${balance}`).toBe(
            value(december, balance, scheme)
              .plus(value(rows, income, scheme))
              .minus(value(rows, spend, scheme))
              .toString(),
          );
      }
    });

    it("has the resident YTD balance negative in June and positive from October; the employee one never negative", () => {
      const balance = (period: Period, scheme: string, income: string, spend: string) => {
        const rows = months.get(period)!;
        return value(rows, income, scheme).minus(value(rows, spend, scheme));
      };
      for (const year of [2024, 2025]) {
        expect(balance(`${year}-06`, "RESIDENT", "FI04", "FE02").isNegative()).toBe(true);
        expect(balance(`${year}-09`, "RESIDENT", "FI04", "FE02").isNegative()).toBe(true);
        expect(balance(`${year}-10`, "RESIDENT", "FI04", "FE02").isNegative()).toBe(false);
        expect(balance(`${year}-12`, "RESIDENT", "FI04", "FE02").isNegative()).toBe(false);
        // Most resident income arrives late in the year; employee income is even.
        const residentQ4 = value(months.get(`${year}-12`)!, "FI04", "RESIDENT").minus(value(months.get(`${year}-09`)!, "FI04", "RESIDENT"));
        expect(residentQ4.div(value(months.get(`${year}-12`)!, "FI04", "RESIDENT")).toNumber()).toBeGreaterThan(0.35);
      }
      for (const period of months.keys()) expect(balance(period, "EMPLOYEE", "FI03", "FE01").isNegative(), period).toBe(false);
    });

    it("has year-to-date FLOW values that strictly increase within a year, January being one month", () => {
      const bad: string[] = [];
      const periods = [...months.keys()];
      for (let i = 1; i < periods.length; i++) {
        const [p, q] = [periods[i - 1], periods[i]];
        const prev = asMap(months.get(p)!);
        for (const x of months.get(q)!) {
          const ind = byCode.get(x.indicatorCode)!;
          const before = prev.get(cellKey(x.indicatorCode, x.scheme, x.institutionCode));
          if (ind.basis !== "FLOW" || before == null) continue;
          const v = new SheetDecimal(x.value!);
          // January starts a new year: one month (a third of the previous year at most, even with the spike).
          const ok = q.endsWith("-01") ? v.lessThan(new SheetDecimal(before).times(0.3)) : v.greaterThan(before);
          if (!ok) bad.push(`${q} ${x.indicatorCode} ${x.scheme} ${x.institutionCode ?? ""}: ${before} → ${x.value}`);
        }
      }
      expect(bad).toEqual([]);
    });

    it("looks like a real region: seasonality and 5–8 % growth a year", () => {
      const fe01 = (p: Period) => monthValue(months, p, "FE01", "EMPLOYEE").toNumber();
      expect(fe01("2025-12") / fe01("2025-11")).toBeGreaterThan(1.1);
      expect(fe01("2025-02") / fe01("2025-03")).toBeLessThan(0.9);
      expect(fe01("2026-01") / fe01("2025-12")).toBeLessThan(0.9);
      for (const [code, scheme] of [
        ["FE01", "EMPLOYEE"],
        ["FE02", "RESIDENT"],
        ["FI03", "EMPLOYEE"],
        ["SV04", "TOTAL"],
      ]) {
        const growth =
          value(months.get("2025-12")!, code, scheme)
            .div(value(months.get("2024-12")!, code, scheme))
            .toNumber() - 1;
        expect(growth, code).toBeGreaterThan(0.045);
        expect(growth, code).toBeLessThan(0.085);
      }
      // Rates within their bounds and plausible.
      for (const rows of months.values())
        for (const x of rows) {
          const ind = byCode.get(x.indicatorCode)!;
          if (ind.basis !== "RATE") continue;
          const v = new SheetDecimal(x.value!);
          if (ind.minValue) expect(v.greaterThanOrEqualTo(ind.minValue)).toBe(true);
          if (ind.maxValue) expect(v.lessThanOrEqualTo(ind.maxValue)).toBe(true);
        }
    });

    it("has the planned anomalies: +40 % cost per stay at one hospital, implausible readmissions at another", () => {
      const costPerStay = (inst: string, p: Period) =>
        monthValue(months, p, "IN03", "TOTAL", inst)
          .div(monthValue(months, p, "IN02", "TOTAL", inst))
          .toNumber();
      const jumper = codeOf(r, anomalous.costJump);
      const yoy = (inst: string, p: Period) => costPerStay(inst, p) / costPerStay(inst, addMonths(p, -12)) - 1;
      expect(yoy(jumper, LAST)).toBeGreaterThan(0.35);
      expect(yoy(jumper, LAST)).toBeLessThan(0.5);
      expect(yoy(jumper, "2025-04")).toBeLessThan(0.1); // before the jump (it starts 2025-05)
      for (const other of r.insts.filter((i) => i.code !== jumper)) expect(Math.abs(yoy(other.code, LAST)), other.name).toBeLessThan(0.1);
      const readmitter = codeOf(r, anomalous.readmission);
      const rate = (inst: string) =>
        value(months.get(LAST)!, "IN17", "TOTAL", inst)
          .div(value(months.get(LAST)!, "IN02", "TOTAL", inst))
          .toNumber();
      expect(rate(readmitter)).toBeGreaterThan(0.2);
      for (const other of r.insts.filter((i) => i.code !== readmitter)) expect(rate(other.code), other.name).toBeLessThan(0.08);
    });
  });

  it("passes with anomalies starting in any calendar month (every alignment of a 27-month run)", () => {
    for (let k = 0; k < 12; k++) {
      const last = addMonths("2025-01", k);
      for (const r of regions) {
        const found = validateRun(r, run(r, last));
        expect(found.flatMap((m) => m.errors)).toEqual([]);
        const warnings = found.flatMap((m) =>
          m.warnings.map((w) => ({ period: m.period, rule: w.rule, indicatorCode: w.indicatorCode, institutionCode: w.institutionCode })),
        );
        expect(warnings, `${r.name} ending ${last}`).toEqual(
          demoAnomalyWarnings(demoAnomalyPlan(last), r.insts).map(({ explanation: _, ...w }) => w),
        );
        expect(warnings).toHaveLength(3);
      }
    }
  }, 60_000);

  it("is deterministic: same inputs, same output; a month alone equals the month of a run; another seed differs", () => {
    const r = regions[0];
    const a = run(r, LAST);
    const b = run(r, LAST);
    expect([...a]).toEqual([...b]);
    const single = generateDemoMonth({
      catalogue,
      region: { code: r.code, scale: r.scale },
      institutions: r.insts,
      period: "2025-07",
      anomalies: demoAnomalyPlan(LAST),
    });
    expect(single).toEqual(a.get("2025-07"));
    const other = generateDemoMonth({
      catalogue,
      region: { code: r.code, scale: r.scale },
      institutions: r.insts,
      period: "2025-07",
      seed: 7,
      anomalies: demoAnomalyPlan(LAST),
    });
    expect(other.map((x) => x.value)).not.toEqual(single.map((x) => x.value));
    expect(other.map((x) => cellKey(x.indicatorCode, x.scheme, x.institutionCode))).toEqual(
      single.map((x) => cellKey(x.indicatorCode, x.scheme, x.institutionCode)),
    );
  });

  it("scales with the region: 合肥 is about ten times 宿松", () => {
    const [hefei, , susong] = regions.map((r) =>
      generateDemoMonth({ catalogue, region: { code: r.code, scale: r.scale }, institutions: r.insts, period: "2025-12" }),
    );
    for (const [code, scheme] of [
      ["FE03", ""],
      ["SV02", "TOTAL"],
      ["SV01", "TOTAL"],
    ]) {
      const total = (rows: SheetValueRow[]) =>
        code === "FE03" ? value(rows, "FE01", "EMPLOYEE").plus(value(rows, "FE02", "RESIDENT")) : value(rows, code, scheme);
      const ratio = total(hefei).div(total(susong)).toNumber();
      expect(ratio, code).toBeGreaterThan(7);
      expect(ratio, code).toBeLessThan(16);
    }
  });

  it("generates plausible values for a region's own (local) inputs it does not model", () => {
    const local = [
      { ...byCode.get("SV01")!, code: "LC01", nameZh: "异地就医结算人次", tag: "LOCAL" as const },
      { ...byCode.get("PM06")!, code: "LC02", nameZh: "地方比率", tag: "LOCAL" as const },
      { ...byCode.get("IN01")!, code: "LC03", nameZh: "机构地方指标", tag: "LOCAL" as const },
    ];
    const r = regions[2];
    const months = generateDemoMonths({
      catalogue: [...catalogue, ...local],
      region: { code: r.code, scale: r.scale },
      institutions: r.insts,
      from: "2025-01",
      to: "2025-12",
    });
    const found = validateRun(r, months, [...catalogue, ...local]).flatMap((m) => [...m.errors, ...m.warnings]);
    expect(found).toEqual([]);
    expect(months.get("2025-06")!.filter((x) => x.indicatorCode.startsWith("LC"))).toHaveLength(3 + 1 + r.insts.length);
  });

  it("writes canonical decimals", () => {
    expect(unitsToDecimal(12345, 2)).toBe("123.45");
    expect(unitsToDecimal(12300, 2)).toBe("123");
    expect(unitsToDecimal(5, 2)).toBe("0.05");
    expect(unitsToDecimal(-150, 2)).toBe("-1.5");
    expect(unitsToDecimal(0, 2)).toBe("0");
    expect(unitsToDecimal(7, 0)).toBe("7");
  });
});
