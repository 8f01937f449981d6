import { beforeAll, describe, expect, it } from "vitest";
import type { IndicatorDef } from "@/app/_domain/catalogue";
import type { Session } from "@/app/_server/auth/session";
import { ensureBuiltInCatalogues } from "@/app/_server/catalogue/ensure-built-in-catalogues";
import { loadRegionCatalogue } from "@/app/_server/catalogue/region-catalogue";
import { getMetricLineage } from "@/app/_server/metrics/get-metric-lineage";
import { getRegionMetrics } from "@/app/_server/metrics/get-region-metrics";
import { recomputeRegion } from "@/app/_server/metrics/recompute-metrics";
import { reviewSheet } from "@/app/_server/sheets/review-sheet";
import { uploadSheet } from "@/app/_server/sheets/upload-sheet";
import { completeSheetRows } from "../helpers/complete-sheet";
import { createUserSession, createWorld, type World } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

const HEADER = "region_code,period,indicator_code,scheme,institution_code,value";

describe("derived metrics: computed on acceptance, read through the API shape", () => {
  const prisma = useTestDatabase();
  let w: World;
  let entry: Session;
  let reviewer: Session;
  let catalogue: IndicatorDef[];
  const institutions = ["H34010000001", "H34010000002"];

  async function acceptMonth(period: string, over: Record<string, string> = {}) {
    const rows = completeSheetRows(catalogue, "340100", period, institutions, over);
    const bytes = Buffer.from([HEADER, ...rows.map((r) => r.join(","))].join("\n"));
    const up = await uploadSheet(entry, { source: { kind: "file", fileName: `${period}.csv`, bytes } });
    if (!up.ok || up.dryRun || up.unchanged) throw new Error("upload failed: " + JSON.stringify(up).slice(0, 500));
    await reviewSheet(reviewer, { versionId: up.versionId, decision: "ACCEPT" });
    return rows;
  }
  const value = (m: Awaited<ReturnType<typeof getRegionMetrics>>, indicator: string, scheme: string, institution: string | null = null) =>
    m.values.find((v) => v.indicator === indicator && v.scheme === scheme && v.institution === institution);

  beforeAll(async () => {
    w = await createWorld(prisma());
    await ensureBuiltInCatalogues(prisma());
    catalogue = (await loadRegionCatalogue(prisma(), w.regionA.id)).indicators;
    entry = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionA.id });
    reviewer = await createUserSession(prisma(), ["DATA_REVIEWER"], { regionId: w.regionA.id });
  });

  it("lists every indicator × scheme (× institution) of the catalogue for an accepted month", async () => {
    await acceptMonth("2025-01");
    const m = await getRegionMetrics(entry, { regionCode: "340100", period: "2025-01" });
    expect(m).toMatchObject({ region: "340100", period: "2025-01", catalogue: "NHSA-2025-03-V2" });
    const expected = catalogue.reduce((n, i) => n + i.schemes.length * (i.scope === "REGION" ? 1 : institutions.length), 0);
    expect(m.values).toHaveLength(expected);
    // January: month = ytd, no prior year, mom against a December that has no sheet.
    expect(value(m, "FI03", "EMPLOYEE")).toEqual({
      indicator: "FI03",
      scheme: "EMPLOYEE",
      institution: null,
      ytd: "100",
      month: "100",
      prevYearYtd: null,
      yoy: null,
      mom: null,
      yoyDiff: null,
      momDiff: null,
    });
  });

  it("agrees to the last digit with an independent recomputation from the accepted values", async () => {
    const feb = await acceptMonth("2025-02");
    const jan = completeSheetRows(catalogue, "340100", "2025-01", institutions);
    const raw = (rows: string[][], code: string, scheme: string, inst = "") =>
      Number(rows.find((r) => r[2] === code && r[3] === scheme && r[4] === inst)![5]);
    const m = await getRegionMetrics(entry, { regionCode: "340100", period: "2025-02" });
    // FLOW input: month = ytd − January's ytd; mom = month ÷ January's month − 1.
    const fi03Month = raw(feb, "FI03", "EMPLOYEE") - raw(jan, "FI03", "EMPLOYEE");
    expect(value(m, "FI03", "EMPLOYEE")).toMatchObject({
      ytd: String(raw(feb, "FI03", "EMPLOYEE")),
      month: String(fi03Month),
      mom: String(fi03Month / raw(jan, "FI03", "EMPLOYEE") - 1),
    });
    // Derived FI05 = FI03.EMPLOYEE + FI04.RESIDENT, on ytd and on month values.
    expect(value(m, "FI05", "TOTAL")).toMatchObject({
      ytd: String(raw(feb, "FI03", "EMPLOYEE") + raw(feb, "FI04", "RESIDENT")),
      month: String(
        raw(feb, "FI03", "EMPLOYEE") - raw(jan, "FI03", "EMPLOYEE") + raw(feb, "FI04", "RESIDENT") - raw(jan, "FI04", "RESIDENT"),
      ),
    });
    // Derived SV05 = SV04 × 10000 ÷ SV02 per scheme.
    for (const scheme of ["EMPLOYEE", "RESIDENT", "TOTAL"])
      expect(value(m, "SV05", scheme)?.ytd).toBe(String((raw(feb, "SV04", scheme) * 10000) / raw(feb, "SV02", scheme)));
    // Institution-level input.
    expect(value(m, "IN02", "TOTAL", "H34010000002")?.ytd).toBe(String(raw(feb, "IN02", "TOTAL", "H34010000002")));
  });

  it("recomputes what depends on a month when a new version of it is accepted, and a full recompute gives identical results", async () => {
    const before = await getRegionMetrics(entry, { regionCode: "340100", period: "2025-02" });
    await acceptMonth("2025-01", { "FI03|EMPLOYEE|": "160" });
    const after = await getRegionMetrics(entry, { regionCode: "340100", period: "2025-02" });
    expect(value(before, "FI03", "EMPLOYEE")?.month).toBe("100");
    expect(value(after, "FI03", "EMPLOYEE")?.month).toBe("40");
    await recomputeRegion(prisma(), w.regionA.id);
    expect(await getRegionMetrics(entry, { regionCode: "340100", period: "2025-02" })).toEqual(after);
  });

  it("shows the lineage of a derived number: formula, inputs with values, months and sheet versions", async () => {
    const { lineage, formula, value: v } = await getMetricLineage(entry, { period: "2025-02", indicator: "FI05", scheme: "TOTAL" });
    expect(formula).toBe("FI03.EMPLOYEE + FI04.RESIDENT");
    const feb = await prisma().sheetVersion.findFirstOrThrow({ where: { status: "ACCEPTED", sheet: { period: "2025-02" } } });
    const ytdInputs = lineage.inputs.filter((i) => i.view === "ytd" && i.period === "2025-02");
    expect(ytdInputs.map((i) => [i.code, i.scheme, i.value, i.versionId]).sort()).toEqual([
      ["FI03", "EMPLOYEE", "200", feb.id],
      ["FI04", "RESIDENT", "200", feb.id],
    ]);
    expect(v.ytd).toBe("400");
    await expect(
      getMetricLineage(entry, { period: "2025-02", indicator: "IN02", scheme: "TOTAL", institution: "H34020000001" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is readable by the region's staff and the province's supervisor, and not found for anyone else", async () => {
    const supervisor = await createUserSession(prisma(), ["SUPERVISOR"], { provinceId: w.province.id });
    expect((await getRegionMetrics(supervisor, { regionCode: "340100", period: "2025-02" })).values.length).toBeGreaterThan(0);
    const others = [
      await createUserSession(prisma(), ["HOSPITAL_VIEWER"], { institutionId: w.hospitalA1.id }),
      await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionB.id }),
      await createUserSession(prisma(), ["SUPERVISOR"], { provinceId: w.otherProvince.id }),
      await createUserSession(prisma(), ["SYSTEM_ADMIN"]),
    ];
    for (const s of others)
      await expect(getRegionMetrics(s, { regionCode: "340100", period: "2025-02" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRegionMetrics(entry, { regionCode: "340100", period: "2025-05" })).rejects.toThrow("尚无审核通过的数据");
  });
});
