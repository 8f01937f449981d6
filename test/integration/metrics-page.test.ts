import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { IndicatorDef } from "@/app/_domain/catalogue";
import type { Session } from "@/app/_server/auth/session";
import { ensureBuiltInCatalogues } from "@/app/_server/catalogue/ensure-built-in-catalogues";
import { loadRegionCatalogue } from "@/app/_server/catalogue/region-catalogue";
import { saveLocalIndicator } from "@/app/_server/catalogue/save-local-indicator";
import { getInstitutionComparison } from "@/app/_server/metrics/get-institution-comparison";
import { getMetricLineage } from "@/app/_server/metrics/get-metric-lineage";
import { getMetricTrend } from "@/app/_server/metrics/get-metric-trend";
import { getMetricsTable } from "@/app/_server/metrics/get-metrics-table";
import { getNarrative } from "@/app/_server/metrics/get-narrative";
import { recomputeAndCompare } from "@/app/_server/metrics/recompute-and-compare";
import { saveNarrative } from "@/app/_server/metrics/save-narrative";
import { reviewSheet } from "@/app/_server/sheets/review-sheet";
import { uploadSheet } from "@/app/_server/sheets/upload-sheet";
import { warningKey } from "@/app/_domain/sheets/warning-key";
import { completeSheetRows } from "../helpers/complete-sheet";
import { createUserSession, createWorld, type World } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

const HEADER = "region_code,period,indicator_code,scheme,institution_code,value";

/** The 指标分析 page's use cases: table (month and quarter), lineage, institutions, trend, 智能解读, recompute. */
describe("metrics page use cases", () => {
  const prisma = useTestDatabase();
  let w: World;
  let entry: Session, reviewer: Session, supervisor: Session;
  let catalogue: IndicatorDef[];
  const institutions = ["H34010000001", "H34010000002", "H34010000003", "H34010000004", "H34010000005"];

  async function acceptMonth(period: string, over: Record<string, string> = {}) {
    const rows = completeSheetRows(catalogue, "340100", period, institutions, over);
    const bytes = Buffer.from([HEADER, ...rows.map((r) => r.join(","))].join("\n"));
    const source = { kind: "file" as const, fileName: `${period}.csv`, bytes };
    let up = await uploadSheet(entry, { source });
    // The planted outlier raises a month-on-month warning: explain it, as staff would.
    if (!up.ok && up.stage === "warnings")
      up = await uploadSheet(entry, {
        source,
        explanations: Object.fromEntries(up.report.warnings.map((x) => [warningKey(x), "测试：该院本月收治大量重症病例"])),
      });
    if (!up.ok || up.dryRun || up.unchanged) throw new Error("upload failed: " + JSON.stringify(up).slice(0, 500));
    await reviewSheet(reviewer, { versionId: up.versionId, decision: "ACCEPT" });
  }

  beforeAll(async () => {
    w = await createWorld(prisma());
    for (const code of institutions.slice(2))
      await prisma().institution.create({
        data: { code, name: `合肥${code.slice(-1)}号医院`, regionId: w.regionA.id, level: "LEVEL_3", type: "GENERAL" },
      });
    await ensureBuiltInCatalogues(prisma());
    catalogue = (await loadRegionCatalogue(prisma(), w.regionA.id)).indicators;
    entry = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionA.id });
    reviewer = await createUserSession(prisma(), ["DATA_REVIEWER"], { regionId: w.regionA.id });
    supervisor = await createUserSession(prisma(), ["SUPERVISOR"], { provinceId: w.province.id });
    // 2024-09 … 2025-03: the first quarter of 2025 and the whole last quarter of 2024 (which needs September).
    // Institution 5's inpatient cost is three times its peers' in March: its cost per stay stands out.
    for (const period of ["2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02"]) await acceptMonth(period);
    await acceptMonth("2025-03", { "IN03|TOTAL|H34010000005": "3000" });
  }, 300_000);

  it("month view: every category of region indicators × scheme with 本期/累计/同比/环比, null where not computable", async () => {
    const t = await getMetricsTable(entry, { period: "2025-02" });
    expect(t.region).toEqual({ code: "340100", name: "合肥市" });
    expect(t.period).toBe("2025-02");
    expect(t.label).toBe("2025年2月");
    expect(t.periods[0]).toBe("2025-03");
    expect(t.categories.map((c) => c.name)).toEqual([
      "基金收入",
      "基金支出",
      "基金结余",
      "城乡医疗救助",
      "下一年度统筹地区医保总额",
      "DRG/DIP支付方式",
      "医疗机构服务情况",
      "基金支撑能力",
    ]);
    const fi03 = t.categories[0]!.rows.find((r) => r.code === "FI03")!;
    expect(fi03).toMatchObject({ scheme: "EMPLOYEE", ytd: "200", month: "100", yoy: null, mom: "0", unit: "万元", derived: false });
    const sv05 = t.categories.flatMap((c) => c.rows).filter((r) => r.code === "SV05");
    expect(sv05.map((r) => r.scheme)).toEqual(["EMPLOYEE", "RESIDENT", "TOTAL"]);
    expect(sv05[0]).toMatchObject({ derived: true, schemeCount: 3 });
  });

  it("quarter view: the engine's quarter values — a FLOW's quarter, a STOCK's quarter end, a ratio over the quarter", async () => {
    const t = await getMetricsTable(entry, { mode: "quarter" });
    expect(t.quarters).toEqual(["2025-03", "2024-12", "2024-09"]);
    expect(t).toMatchObject({ mode: "quarter", period: "2025-03", label: "2025年第一季度" });
    const rows = t.categories.flatMap((c) => c.rows);
    const fi03 = rows.find((r) => r.code === "FI03")!;
    expect(fi03.quarter).toEqual({ value: "300", previous: "300", qoq: "0", qoqDiff: "0" });
    expect(rows.find((r) => r.code === "FI05")!.quarter).toMatchObject({ value: "600" }); // FI03 + FI04
    expect(rows.find((r) => r.code === "FB03")!.quarter).toMatchObject({ value: "1000", qoq: "0" });
    // A ratio has a quarter value too now: the formula over the inputs' quarter values.
    const sv05 = rows.find((r) => r.code === "SV05" && r.scheme === "TOTAL")!;
    expect(sv05.quarter!.value).not.toBeNull();
  });

  it("a supervisor reads the province's regions; other regions' staff, hospitals and other provinces are told 'not found'", async () => {
    const t = await getMetricsTable(supervisor, { regionCode: "340100" });
    expect(t.regions.map((r) => r.code)).toEqual(["340100", "340200"]);
    expect(t.canOpenSheets).toBe(false);
    expect((await getMetricsTable(supervisor, {})).region.code).toBe("340100");
    const refused = [
      await createUserSession(prisma(), ["HOSPITAL_VIEWER"], { institutionId: w.hospitalA1.id }),
      await createUserSession(prisma(), ["DATA_REVIEWER"], { regionId: w.regionB.id }),
      await createUserSession(prisma(), ["SUPERVISOR"], { provinceId: w.otherProvince.id }),
    ];
    for (const s of refused) {
      await expect(getMetricsTable(s, { regionCode: "340100" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getInstitutionComparison(s, { regionCode: "340100" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getNarrative(s, { regionCode: "340100", period: "2025-03" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        getMetricLineage(s, { regionCode: "340100", period: "2025-03", indicator: "FI05", scheme: "TOTAL" }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // Region staff cannot name another region either.
    await expect(getMetricsTable(entry, { regionCode: "340200" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await prisma().auditEvent.count({ where: { action: "access.denied", objectType: "metrics.table" } })).toBeGreaterThanOrEqual(4);
  });

  it("the lineage card names the inputs and the sheet versions they came from, for staff and supervisor alike", async () => {
    const l = await getMetricLineage(supervisor, { regionCode: "340100", period: "2025-03", indicator: "FI05", scheme: "TOTAL" });
    expect(l.formula).toBe("FI03.EMPLOYEE + FI04.RESIDENT");
    expect(l.indicators.FI03?.nameZh).toContain("职工医保统筹基金收入");
    const march = l.lineage.inputs.find((i) => i.code === "FI03" && i.period === "2025-03" && i.view === "ytd")!;
    expect(l.versions[march.versionId!]).toEqual({ period: "2025-03", version: 1 });
  });

  it("institutions: ranks and percentiles in the region and the level, quartiles, and the outlier flagged with its reason", async () => {
    const c = await getInstitutionComparison(entry, { period: "2025-03", indicator: "IN05" });
    expect(c.indicator).toMatchObject({ code: "IN05", nameZh: "次均住院费用", unit: "元" });
    expect(c.rows).toHaveLength(5);
    const outlier = c.rows.find((r) => r.code === "H34010000005")!;
    expect(outlier).toMatchObject({ levelLabel: "三级", inRegion: { rank: 1, count: 5, percentile: 100 }, inLevel: { rank: 1, count: 5 } });
    expect(outlier.flags).toEqual([{ kind: "PEER_HIGH", reason: expect.stringContaining("次均住院费用") }]);
    expect(c.rows.find((r) => r.code === "H34010000001")!.inRegion).toMatchObject({ rank: 2, count: 5, percentile: 75 }); // four equal values share rank 2
    expect(c.regionStats).toMatchObject({ count: 5 });
    expect(c.levels.map((l) => l.label)).toEqual(["三级"]);
    expect(c.allFlags.some((f) => f.indicator === "IN03" && f.institution === "H34010000005")).toBe(true);
  });

  it("trend: the months of this year and last year of one indicator, gaps as null", async () => {
    const t = await getMetricTrend(entry, { period: "2025-03", indicator: "FI03", scheme: "EMPLOYEE" });
    expect(t).toMatchObject({ view: "month", year: 2025 });
    expect(t.thisYear.slice(0, 4)).toEqual(["100", "100", "100", null]);
    expect(t.lastYear.slice(8)).toEqual([null, "100", "100", "100"]); // September has no August before it
    const ytd = await getMetricTrend(entry, { period: "2025-03", indicator: "FI03", scheme: "EMPLOYEE", view: "ytd" });
    expect(ytd.thisYear.slice(0, 3)).toEqual(["100", "200", "300"]);
  });

  it("智能解读: a drafted text; staff save versions (all kept, audited); a stale editor is refused; supervisors read only", async () => {
    const n = await getNarrative(reviewer, { period: "2025-03" });
    expect(n).toMatchObject({ period: "2025-03", label: "2025年第一季度", canEdit: true, saved: null, versions: [] });
    expect(n.drafted).toMatch(/^2025年第一季度，合肥市基金收入方面/);
    expect(n.drafted).toContain("本期共有");
    const first = await saveNarrative(reviewer, { period: "2025-03", text: n.drafted + "\n\n（审核员补充）", baseVersion: 0 });
    expect(first).toEqual({ version: 1, unchanged: false });
    expect(await saveNarrative(entry, { period: "2025-03", text: n.drafted + "\n\n（审核员补充）", baseVersion: 1 })).toEqual({
      version: 1,
      unchanged: true,
    });
    expect(await saveNarrative(entry, { period: "2025-03", text: "填报员改写的解读。", baseVersion: 1 })).toEqual({
      version: 2,
      unchanged: false,
    });
    await expect(saveNarrative(reviewer, { period: "2025-03", text: "基于旧版本的修改", baseVersion: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(saveNarrative(reviewer, { period: "2025-02", text: "x", baseVersion: 0 })).rejects.toMatchObject({ code: "INVALID" });
    await expect(saveNarrative(reviewer, { period: "2025-03", text: "   ", baseVersion: 2 })).rejects.toMatchObject({ code: "INVALID" });

    const read = await getNarrative(supervisor, { regionCode: "340100", period: "2025-03" });
    expect(read.canEdit).toBe(false);
    expect(read.saved).toMatchObject({ text: "填报员改写的解读。", version: 2 });
    expect(read.versions.map((v) => [v.version, v.text.slice(-7)])).toEqual([
      [2, "填报员改写的解读。".slice(-7)],
      [1, "（审核员补充）"],
    ]);
    await expect(saveNarrative(supervisor, { period: "2025-03", text: "监管改写", baseVersion: 2 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await prisma().auditEvent.count({ where: { action: "narrative.save", result: "SUCCESS" } })).toBe(2);
    expect(await prisma().auditEvent.count({ where: { action: "narrative.save", result: "FAILURE" } })).toBe(3);
    // Another region's staff save their own region's text, never this one.
    const entryB = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionB.id });
    await saveNarrative(entryB, { period: "2025-03", text: "芜湖的解读", baseVersion: 0 });
    expect((await getNarrative(entry, { period: "2025-03" })).saved?.text).toBe("填报员改写的解读。");
  });

  it("recompute from scratch reports identical results, and counts what a changed definition changes", async () => {
    expect(await recomputeAndCompare(prisma(), "340100")).toMatchObject({ periods: 7, changed: 0, added: 0, removed: 0 });
    // A local derived indicator added after the fact: its values are new, nothing else moves.
    const { id } = await saveLocalIndicator(entry, {
      code: "LX01",
      category: "地方指标",
      nameZh: "测试派生指标",
      unit: "万元",
      frequency: "MONTHLY",
      schemes: ["EMPLOYEE"],
      scope: "REGION",
      basis: "FLOW",
      formula: "FI03 * 2",
    });
    expect(await recomputeAndCompare(prisma(), "340100")).toMatchObject({ changed: 0, added: 7, removed: 0 });
    // Its formula changed behind the engine's back (as a stale store would look): every value differs.
    await prisma().indicator.update({ where: { id }, data: { formula: "FI03 * 3" } });
    const r = await recomputeAndCompare(prisma(), "340100");
    expect(r).toMatchObject({ changed: 7, added: 0, removed: 0 });
    expect(r.examples.some((e) => e.startsWith("变化 2024-09 LX01 EMPLOYEE —: 1800"))).toBe(true);
    await expect(recomputeAndCompare(prisma(), "999999")).rejects.toThrow("不存在");
  });
});

describe("npm run metrics:recompute", () => {
  const run = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/metrics-recompute.ts", ...args], {
      env: { ...process.env, DATABASE_URL: "", ...env },
      encoding: "utf8",
    });

  it("refuses clearly while another process (the portal) holds the embedded database", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liangdi-recompute-"));
    // This test process is alive: its pid in the lock file stands for a running portal.
    fs.writeFileSync(
      path.join(dir, "liangdi.lock"),
      JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }),
    );
    const r = run({ LIANGDI_DATA_DIR: dir }, "340100");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("正被另一个进程");
    expect(fs.existsSync(path.join(dir, "liangdi.lock"))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("explains its usage, and names a region that does not exist", () => {
    expect(run({}).status).toBe(2);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liangdi-recompute-"));
    const r = run({ LIANGDI_DATA_DIR: dir }, "999999");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("统筹区 999999 不存在");
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
