import { describe, expect, it } from "vitest";
import { NHSA_2025_03 } from "@/app/_domain/catalogues/nhsa-2025-03";
import {
  computeRegionSets,
  computeRegionValues,
  flagRowsOf,
  regionRowsOf,
  type AcceptedRows,
  type MetricValues,
} from "@/app/_domain/metrics";
import { periodFlags } from "@/app/_domain/metrics/period-flags";
import type { Period } from "@/app/_domain/periods";
import { generateDemoMonths } from "@/prisma/seed/demo-sheets";

/**
 * The accept's drafts flag the values it just computed (as texts, what storage writes) instead of reading them back:
 * the rows they make of those texts are the rows computeRegionValues gives (what readMetricValues reads back).
 */
const institutions = Array.from({ length: 9 }, (_, i) => ({
  code: `H3499000${String(i + 1).padStart(2, "0")}`,
  name: `医院${i + 1}`,
  level: ["LEVEL_3", "LEVEL_2", "LEVEL_1", "UNRATED"][i % 4]!,
  beds: 100 + i * 50,
}));
const catalogue = NHSA_2025_03.indicators;
const months = generateDemoMonths({
  catalogue,
  region: { code: "349900", scale: 3 },
  institutions,
  from: "2024-01",
  to: "2025-12",
  anomalies: null,
});
const accepted = new Map([...months].map(([p, rows]) => [p, { versionId: `v-${p}`, rows } satisfies AcceptedRows]));
const levels = institutions.map((i) => ({ code: i.code, level: i.level }));
const periods: Period[] = ["2025-11", "2025-12"];
const texts = computeRegionSets({ catalogue, institutions: levels, accepted, periods });
const values = computeRegionValues({ catalogue, institutions: levels, accepted, periods });

describe("rows of computed texts", () => {
  it.each(periods)("regionRowsOf(%s): the period's region rows, every field", (period) => {
    expect(regionRowsOf(texts, period)).toEqual(values.filter((r) => r.period === period && r.institutionCode === null));
  });

  it.each(periods)("flagRowsOf(%s): each set's rows of the period, the fields flags read, and the same flags", (period) => {
    const rows = values.filter((r) => r.period === period);
    const rowsOf = flagRowsOf(texts, period);
    const pick = ({ period, indicatorCode, scheme, institutionCode, ytd, month, prevYearYtd, yoy, yoyDiff }: MetricValues) => ({
      period,
      indicatorCode,
      scheme,
      institutionCode,
      ytd,
      month,
      prevYearYtd,
      yoy,
      yoyDiff,
    });
    let valued = 0;
    for (const def of catalogue)
      for (const scheme of def.schemes) {
        const institution = def.scope === "INSTITUTION";
        const expected = rows.filter(
          (r) => r.indicatorCode === def.code && r.scheme === scheme && (r.institutionCode !== null) === institution,
        );
        expect(rowsOf(def.code, scheme, institution), `${def.code} ${scheme}`).toEqual(expected.map(pick));
        expect(rowsOf(def.code, scheme, !institution)).toBeUndefined();
        valued += expected.filter((r) => r.institutionCode !== null && r.ytd !== null).length;
      }
    expect(valued).toBeGreaterThan(100);
    const flags = periodFlags({ catalogue, institutions: levels, rows });
    expect(flags.length).toBeGreaterThan(0);
    expect(periodFlags({ catalogue, institutions: levels, rows: rowsOf })).toEqual(flags);
  });
});
