import { describe, expect, it } from "vitest";
import { METRIC_FIELDS, type MetricSetTexts } from "@/app/_domain/metrics/compute-metrics";
import { insertMetricValues, readMetricValues } from "@/app/_server/metrics/metric-store";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Publishing reads the month's institution rows lazily (readMetricValues' `lazy`: each value read from its set's
 * stored text when read): every field of every row must read exactly as the plain rows do, nulls included.
 */
describe("metric rows read lazily", () => {
  const prisma = useTestDatabase();

  it("hold the same values as the plain rows", async () => {
    const province = await prisma().province.create({ data: { code: "990000", name: "测试省" } });
    const region = await prisma().region.create({ data: { code: "990100", name: "测试市", level: "CITY", provinceId: province.id } });
    const codes = ["H1", "H2", "H3", "H4"];
    const institutions = [];
    for (const code of codes)
      institutions.push(
        await prisma().institution.create({ data: { code, name: code, level: "LEVEL_2", regionId: region.id, type: "GENERAL" } }),
      );
    const idOf = new Map(institutions.map((i) => [i.code, i.id]));
    // Empty elements (null) first, last and in the middle, negative and long decimals; and a region-level set.
    const column = (f: number) => ["", `-${f}.5`, "", `1234567.123456${f}`].join(",");
    const set = (indicatorCode: string, perInstitution: boolean): MetricSetTexts =>
      ({
        period: "2025-12",
        indicatorCode,
        scheme: "TOTAL",
        perInstitution,
        size: perInstitution ? codes.length : 1,
        ...Object.fromEntries(METRIC_FIELDS.map((f, k) => [f, perInstitution ? column(k) : k % 2 ? "" : `${k}.25`])),
      }) as MetricSetTexts;
    await insertMetricValues(prisma(), region.id, { institutionCodes: codes, sets: [set("IN01", true), set("RG01", false)] }, idOf);
    // Only some institutions known to the reader: the others' values are skipped, as in the plain rows.
    const codeOf = new Map(institutions.filter((i) => i.code !== "H3").map((i) => [i.id, i.code]));
    const plain = await readMetricValues(prisma(), region.id, ["2025-12"], codeOf);
    const lazy = await readMetricValues(prisma(), region.id, ["2025-12"], codeOf, { lazy: true });
    const fields = ["period", "indicatorCode", "scheme", "institutionCode", ...METRIC_FIELDS] as const;
    const read = (rows: typeof plain) => rows.map((r) => Object.fromEntries(fields.map((f) => [f, r[f]])));
    expect(read(lazy)).toEqual(read(plain));
    expect(plain.length).toBe(4);
    expect(plain.find((r) => r.institutionCode === "H4")!.ytd).toBe("1234567.1234560");
    expect(plain.find((r) => r.institutionCode === "H1")!.qoqDiff).toBeNull();
  });
});
