import { readMetricValues } from "@/app/_server/metrics/metric-store";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addMonths, currentPeriod } from "@/app/_domain/periods";
import { parseLongCsv, toLongCsv } from "@/app/_domain/sheets/long-csv";
import type { SheetIssue, SheetReport } from "@/app/_domain/sheets/types";
import { ensureBuiltInCatalogues } from "@/app/_server/catalogue/ensure-built-in-catalogues";
import { loadRegionCatalogue } from "@/app/_server/catalogue/region-catalogue";
import { readSheetValues } from "@/app/_server/sheets/sheet-values-store";
import { uploadSheet } from "@/app/_server/sheets/upload-sheet";
import { DEMO_REGIONS, DEMO_USERS, demoInstitutionsOf } from "@/prisma/seed/demo-data";
import { DEMO_SHEET_MONTHS, seedDemoIfEmpty } from "@/prisma/seed/demo";
import { demoAnomalyPlan, generateDemoMonth } from "@/prisma/seed/demo-sheets";
import { listPublications } from "@/app/_server/publications/list-publications";
import { describeScope } from "@/app/_server/auth/describe-scope";
import { sessionOf } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The first start of a demo deployment (app/_server/db.ts bootstrap): the built-in catalogue, then the demo
 * seed with 27 months of accepted sheets per region — except 合肥市's latest month, left for a newcomer.
 */
describe("demo seed with monthly base sheets", () => {
  const prisma = useTestDatabase();
  const now = new Date();
  const last = addMonths(currentPeriod(now), -1);
  let seconds = 0;

  beforeAll(async () => {
    await ensureBuiltInCatalogues(prisma());
    const t0 = performance.now();
    const summary = await seedDemoIfEmpty(prisma(), { now });
    seconds = (performance.now() - t0) / 1000;
    console.log(`demo seed: ${seconds.toFixed(2)} s`);
    expect(summary.created).toBe(true);
    // One account per role on the login page and in the banner, though there are more demo accounts.
    expect(summary.users.map((u) => u.username)).not.toContain("wh_entry");
    expect(new Set(summary.users.map((u) => u.roles[0])).size).toBe(summary.users.length);
  }, 300_000);

  it("creates 3 regions, 60 institutions and the demo accounts, every region on the newest built-in catalogue", async () => {
    const catalogue = await prisma().catalogueVersion.findUniqueOrThrow({ where: { code: "NHSA-2025-03-V2" } });
    const regions = await prisma().region.findMany();
    expect(regions.map((r) => r.name).sort()).toEqual(["合肥市", "宿松县", "芜湖市"].sort());
    expect(regions.every((r) => r.catalogueVersionId === catalogue.id)).toBe(true);
    expect(await prisma().institution.count()).toBe(60);
    expect(await prisma().user.count({ where: { isDemo: true } })).toBe(DEMO_USERS.length);
    for (const username of ["wh_entry", "wh_reviewer", "ss_entry", "ss_reviewer"])
      expect(await prisma().user.findUnique({ where: { username }, select: { regionId: true } })).toMatchObject({
        regionId: expect.any(String),
      });
    // The header's scope of each kind of account.
    const scopeOf = async (username: string) =>
      (await describeScope(sessionOf(await prisma().user.findUniqueOrThrow({ where: { username } })))).scope;
    expect(await scopeOf("hf_entry")).toBe("安徽省 · 合肥市（340100）");
    expect(await scopeOf("hf_hospital")).toBe("合肥市 · 合肥市第一人民医院（三级）");
    expect(await scopeOf("ah_supervisor")).toMatch(/^安徽省（\d{2,6}）$/);
    expect(await scopeOf("sysadmin")).toBe("全系统");
  });

  it("stores 27 accepted months per region ending last month, and 26 for 合肥市, whose latest month is left to do", async () => {
    for (const r of DEMO_REGIONS) {
      const region = await prisma().region.findUniqueOrThrow({ where: { code: r.code } });
      const versions = await prisma().sheetVersion.findMany({
        where: { sheet: { regionId: region.id } },
        include: { sheet: true, uploadedBy: true, reviewedBy: true },
        orderBy: { sheet: { period: "asc" } },
      });
      const isHefei = r.code === "340100";
      expect(versions).toHaveLength(isHefei ? DEMO_SHEET_MONTHS - 1 : DEMO_SHEET_MONTHS);
      expect(versions.every((v) => v.status === "ACCEPTED" && v.version === 1 && v.source === "CSV")).toBe(true);
      expect(versions[0].sheet.period).toBe(addMonths(last, -(DEMO_SHEET_MONTHS - 1)));
      expect(versions.at(-1)!.sheet.period).toBe(isHefei ? addMonths(last, -1) : last);
      const prefix = r.code === "340100" ? "hf" : r.code === "340200" ? "wh" : "ss";
      for (const v of versions) {
        expect(v.uploadedBy.username).toBe(`${prefix}_entry`);
        expect(v.reviewedBy?.username).toBe(`${prefix}_reviewer`);
        expect(v.reviewedAt!.getTime()).toBeGreaterThan(v.uploadedAt.getTime());
        expect(v.reviewedAt!.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(v.fileName).toBe(`${r.name}-${v.sheet.period}.csv`);
        expect(createHash("sha256").update(v.fileBytes).digest("hex")).toBe(v.fileSha256);
      }
      const hefeiLast = await prisma().sheet.findFirst({ where: { regionId: region.id, period: last } });
      expect(hefeiLast === null).toBe(isHefei);

      // The anomalies' warnings, each explained; no errors anywhere.
      const reports = versions.map((v) => v.report as unknown as SheetReport);
      expect(reports.flatMap((x) => x.errors)).toEqual([]);
      const warnings = reports.flatMap((x) => x.warnings) as (SheetIssue & { explanation?: string })[];
      expect(warnings.map((w) => `${w.rule} ${w.indicatorCode}`).sort()).toEqual([
        "cross.mom-change IN17",
        "cross.mom-change IN18",
        "cross.mom-change IN18",
      ]);
      expect(warnings.every((w) => (w.explanation ?? "").length > 10)).toBe(true);
    }
  });

  it("keeps each original CSV and its values: the stored values are the file's", async () => {
    const [{ total }] = await prisma().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "SheetValue"`;
    expect(total).toBeGreaterThan(0);
    const sum = await prisma().sheetVersion.aggregate({ _sum: { valueCount: true } });
    expect(sum._sum.valueCount).toBe(total);

    const region = await prisma().region.findUniqueOrThrow({ where: { code: "340826" }, include: { institutions: true } });
    const version = await prisma().sheetVersion.findFirstOrThrow({ where: { sheet: { regionId: region.id, period: last } } });
    const parsed = parseLongCsv(Buffer.from(version.fileBytes).toString("utf8"));
    expect(parsed.issues).toEqual([]);
    expect(parsed).toMatchObject({ regionCode: "340826", period: last });
    const codeOf = new Map(region.institutions.map((i) => [i.id, i.code]));
    const stored = (await readSheetValues(prisma(), version.id)).map(
      (v) => `${v.indicatorCode}|${v.scheme}|${v.institutionId ? codeOf.get(v.institutionId) : ""}|${v.value}`,
    );
    expect(stored.sort()).toEqual(parsed.cells.map((c) => `${c.indicatorCode}|${c.scheme}|${c.institutionCode ?? ""}|${c.raw}`).sort());
    expect(version.valueCount).toBe(parsed.cells.length);
  });

  it("lets a newcomer upload 合肥市's missing month from the same generator, cleanly", async () => {
    const region = await prisma().region.findUniqueOrThrow({ where: { code: "340100" } });
    const demo = DEMO_REGIONS.find((r) => r.code === "340100")!;
    const catalogue = (await loadRegionCatalogue(prisma(), region.id)).indicators;
    const rows = generateDemoMonth({
      catalogue,
      region: { code: demo.code, scale: demo.scale },
      institutions: demoInstitutionsOf(demo),
      period: last,
      anomalies: demoAnomalyPlan(last),
    });
    const bytes = Buffer.from(toLongCsv(rows.map((x) => ({ regionCode: demo.code, period: last, ...x }))), "utf8");
    const entry = await prisma().user.findUniqueOrThrow({ where: { username: "hf_entry" } });
    const result = await uploadSheet(sessionOf(entry), { source: { kind: "file", fileName: `合肥市-${last}.csv`, bytes }, dryRun: true });
    expect(result).toMatchObject({ ok: true, dryRun: true });
    if (!result.ok || !result.dryRun) return;
    expect(result.report.errors).toEqual([]);
    expect(result.report.warnings).toEqual([]);
  });

  it("computes the metrics of every accepted month, so dashboards have numbers from the first start", async () => {
    const hefei = await prisma().region.findUniqueOrThrow({ where: { code: "340100" } });
    const period = addMonths(last, -1);
    const rows = await readMetricValues(prisma(), hefei.id, [period], new Map(), { scope: "REGION" });
    const ytd = (code: string, scheme: string) => rows.find((r) => r.indicatorCode === code && r.scheme === scheme)?.ytd;
    expect(rows.length).toBeGreaterThan(49);
    const sum = Number(ytd("FI03", "EMPLOYEE")) + Number(ytd("FI04", "RESIDENT"));
    expect(Number(ytd("FI05", "TOTAL"))).toBeCloseTo(sum, 6);
    expect(await prisma().metricSet.count({ where: { regionId: hefei.id, period: last } })).toBe(0);
  });

  it("publishes monthly pushes and quarterly releases in every region, one corrected, a 三级 special; hospitals have read some", async () => {
    for (const region of await prisma().region.findMany({ select: { id: true, code: true } })) {
      const published = await prisma().publicationVersion.findMany({
        where: { publication: { regionId: region.id }, status: "PUBLISHED" },
        select: { publication: { select: { kind: true } }, contentHash: true },
      });
      const kinds = published.map((p) => p.publication.kind);
      expect(kinds.filter((k) => k === "MONTHLY_PUSH").length).toBeGreaterThanOrEqual(5);
      expect(kinds.filter((k) => k === "QUARTERLY_RELEASE").length).toBeGreaterThanOrEqual(3);
      expect(published.every((p) => /^[0-9a-f]{64}$/.test(p.contentHash ?? ""))).toBe(true);
      // The newest month's push is left as a draft for the data group.
      expect(
        await prisma().publicationVersion.count({ where: { publication: { regionId: region.id, kind: "MONTHLY_PUSH" }, status: "DRAFT" } }),
      ).toBe(1);
    }
    const corrected = await prisma().publicationVersion.findMany({
      where: { status: "CORRECTED" },
      select: { publication: { select: { region: { select: { code: true } } } } },
    });
    expect(corrected.map((c) => c.publication.region.code)).toEqual(["340100"]);
    const special = await prisma().publicationVersion.findFirstOrThrow({
      where: { publication: { kind: "TOPICAL" } },
      include: { parts: true },
    });
    expect(special).toMatchObject({ status: "PUBLISHED", peerMode: "NAMED", audienceLevels: ["LEVEL_3"] });
    const hospital = await prisma().user.findUniqueOrThrow({ where: { username: "hf_hospital" } });
    const inbox = await listPublications(sessionOf({ ...hospital, isDemo: true }));
    expect(inbox.filter((i) => i.receipt?.openedAt === null).length).toBeGreaterThanOrEqual(2);
    expect(inbox.some((i) => i.receipt?.acknowledgedAt)).toBe(true);
    expect(inbox.map((i) => i.kind)).toContain("TOPICAL");
  });

  it("creates nothing on a second run", async () => {
    const counts = async () => ({
      users: await prisma().user.count(),
      regions: await prisma().region.count(),
      institutions: await prisma().institution.count(),
      sheets: await prisma().sheet.count(),
      versions: await prisma().sheetVersion.count(),
      values: await prisma().sheetValueSet.count(),
      audit: await prisma().auditEvent.count(),
    });
    const before = await counts();
    const again = await seedDemoIfEmpty(prisma());
    expect(again.created).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
