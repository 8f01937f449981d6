import { createHash } from "node:crypto";
import { parseLongCsv } from "@/app/_domain/sheets/long-csv";
import { checkAuditChain } from "@/app/_server/audit/audit-chain";
import type { PrismaClient } from "@/app/_server/generated/prisma/client";
import { recomputeAndCompare } from "@/app/_server/metrics/recompute-and-compare";
import { readSheetValues } from "@/app/_server/sheets/sheet-values-store";
import { DEMO_REGIONS, DEMO_UPLOAD_REGION, demoInstitutionsOf } from "@/prisma/seed/demo-data";

/**
 * What must hold after a crash at any point (test/integration/crash-safety.test.ts), as a list of problems
 * (empty: all hold) and what was looked at:
 * - no partial version: every SheetVersion has its values, as many as its original file has cells (valueCount
 *   too), and a sheet has at most one accepted version;
 * - no half-recomputed month: the months with metrics are exactly the accepted months, every month's MetricSet
 *   rows come from one computation (one transaction: their computedAt is their MetricMonth's), and 合肥市's
 *   stored metrics (the region the scenario recomputes) are what a recomputation from its accepted sheets gives
 *   (npm run metrics:recompute: 0 changed, 0 added, 0 removed — it rewrites them, identical);
 * - no lost audit row: the hash chain verifies, every version the scenario stored has its one sheet.upload row
 *   and every one it reviewed its one sheet.accept row (and no such row names a version that is not there),
 *   and the institution import is all there with its audit row, or not there at all.
 */
export const SCENARIO_FILE_PREFIX = "崩溃测试-";
export const IMPORT_FILE_NAME = `${SCENARIO_FILE_PREFIX}机构导入.csv`;
const IMPORTED = 1200;
const UPDATED = 5;
const wuhu = DEMO_REGIONS.find((r) => r.code === "340200")!;
const newCode = (i: number) => `H${wuhu.code}9${String(i).padStart(4, "0")}`;

/** 1,200 new institutions of 芜湖市 (two createMany batches) and new bed counts for 5 of its own. */
export function importFile(): Buffer {
  const lines = ["机构编码,机构名称,统筹区编码,医院等级,机构类别,床位数"];
  for (let i = 0; i < IMPORTED; i++) lines.push(`${newCode(i)},芜湖崩溃测试卫生院${i},${wuhu.code},LEVEL_1,PRIMARY,${20 + (i % 50)}`);
  for (const inst of demoInstitutionsOf(wuhu).slice(0, UPDATED))
    lines.push(`${inst.code},${inst.name},${wuhu.code},${inst.level},${inst.type},${inst.beds + 1000}`);
  return Buffer.from(lines.join("\n"), "utf8");
}

export interface CrashReport {
  problems: string[];
  versions: number;
  months: number;
  auditRows: number;
  /** Versions the scenario stored, and how many of them were accepted (ACCEPTED, or SUPERSEDED since). */
  scenarioVersions: number;
  scenarioAccepted: number;
  imported: boolean;
}

export async function crashInvariants(prisma: PrismaClient): Promise<CrashReport> {
  const problems: string[] = [];
  const versions = await prisma.sheetVersion.findMany({
    select: {
      id: true,
      status: true,
      fileName: true,
      fileBytes: true,
      valueCount: true,
      reviewedById: true,
      sheet: { select: { id: true, regionId: true, period: true } },
    },
  });
  for (const v of versions) {
    const cells = parseLongCsv(Buffer.from(v.fileBytes).toString("utf8")).cells.length;
    const stored = (await readSheetValues(prisma, v.id).catch(() => [])).length;
    if (cells === 0 || stored !== cells || v.valueCount !== cells)
      problems.push(`partial version ${v.fileName} (${v.id}): file ${cells} cells, valueCount ${v.valueCount}, stored ${stored}`);
  }
  const acceptedBySheet = new Map<string, number>();
  for (const v of versions) if (v.status === "ACCEPTED") acceptedBySheet.set(v.sheet.id, (acceptedBySheet.get(v.sheet.id) ?? 0) + 1);
  for (const [sheet, n] of acceptedBySheet) if (n > 1) problems.push(`sheet ${sheet} has ${n} accepted versions`);

  // Metrics: the accepted months, each from one computation, equal to a recomputation.
  const accepted = new Set(versions.filter((v) => v.status === "ACCEPTED").map((v) => `${v.sheet.regionId} ${v.sheet.period}`));
  const months = await prisma.$queryRawUnsafe<{ regionId: string; period: string; sets: number; stamps: number }[]>(
    `SELECT m."regionId", m."period", count(s."id")::int AS sets,
            count(DISTINCT s."computedAt") FILTER (WHERE s."computedAt" IS DISTINCT FROM m."computedAt")::int AS stamps
       FROM "MetricMonth" m LEFT JOIN "MetricSet" s ON s."regionId" = m."regionId" AND s."period" = m."period"
      GROUP BY m."regionId", m."period"`,
  );
  const withMetrics = new Set(months.map((m) => `${m.regionId} ${m.period}`));
  for (const m of months) {
    if (!accepted.has(`${m.regionId} ${m.period}`))
      problems.push(`metrics for ${m.period} of region ${m.regionId}, which has no accepted sheet`);
    if (m.sets === 0) problems.push(`month ${m.period} of region ${m.regionId} has no metric sets`);
    if (m.stamps > 0) problems.push(`month ${m.period} of region ${m.regionId} mixes metric sets of ${m.stamps + 1} computations`);
  }
  for (const key of accepted) if (!withMetrics.has(key)) problems.push(`accepted month ${key} has no metrics`);
  const [{ orphans }] = await prisma.$queryRawUnsafe<{ orphans: number }[]>(
    `SELECT count(*)::int AS orphans FROM "MetricSet" s WHERE NOT EXISTS (SELECT 1 FROM "MetricMonth" m WHERE m."regionId" = s."regionId" AND m."period" = s."period")`,
  );
  if (orphans) problems.push(`${orphans} metric sets without their month`);
  // The region whose months the scenario recomputes (the import adds institutions to 芜湖市, whose stored months
  // rightly keep the institutions they were computed with until a sheet of theirs is accepted again).
  const report = await recomputeAndCompare(prisma, DEMO_UPLOAD_REGION);
  if (report.changed || report.added || report.removed)
    problems.push(
      `合肥市: stored metrics differ from a recomputation (${report.changed} changed, ${report.added} added, ${report.removed} removed): ${report.examples.slice(0, 2).join("; ")}`,
    );

  // Audit.
  const chain = await checkAuditChain(prisma);
  if (!chain.ok) problems.push(`audit chain broken: ${JSON.stringify(chain.problem)}`.slice(0, 300));
  const audit = await prisma.auditEvent.findMany({
    where: { result: "SUCCESS", action: { in: ["sheet.upload", "sheet.accept", "institution.import"] } },
    select: { action: true, objectId: true, detail: true },
  });
  const rowsFor = (action: string, id: string) => audit.filter((a) => a.action === action && a.objectId === id).length;
  const scenario = versions.filter((v) => v.fileName.startsWith(SCENARIO_FILE_PREFIX));
  for (const v of scenario) {
    if (rowsFor("sheet.upload", v.id) !== 1)
      problems.push(`version ${v.fileName} has ${rowsFor("sheet.upload", v.id)} sheet.upload audit rows`);
    const reviewed = v.reviewedById !== null && v.status !== "REJECTED";
    if (rowsFor("sheet.accept", v.id) !== (reviewed ? 1 : 0))
      problems.push(`version ${v.fileName} (${v.status}) has ${rowsFor("sheet.accept", v.id)} sheet.accept audit rows`);
  }
  const ids = new Set(versions.map((v) => v.id));
  for (const a of audit)
    if (a.action !== "institution.import" && !ids.has(a.objectId ?? ""))
      problems.push(`${a.action} audit row names a missing version ${a.objectId}`);

  const sha256 = createHash("sha256").update(importFile()).digest("hex");
  const present = await prisma.institution.count({ where: { code: { startsWith: `H${wuhu.code}9` } } });
  const beds = new Map(
    demoInstitutionsOf(wuhu)
      .slice(0, UPDATED)
      .map((i) => [i.code, i.beds + 1000]),
  );
  const updated = (
    await prisma.institution.findMany({ where: { code: { in: [...beds.keys()] } }, select: { code: true, beds: true } })
  ).filter((i) => i.beds === beds.get(i.code)).length;
  const importRows = audit.filter((a) => a.action === "institution.import" && (a.detail as { sha256?: string })?.sha256 === sha256);
  const creating = importRows.filter((a) => (a.detail as { created?: number }).created === IMPORTED).length;
  const imported = present === IMPORTED && updated === UPDATED;
  if (!imported && (present !== 0 || updated !== 0))
    problems.push(`partial import: ${present} of ${IMPORTED} institutions created, ${updated} of ${UPDATED} updated`);
  if (creating !== (imported ? 1 : 0))
    problems.push(`institutions ${imported ? "imported" : "not imported"}, but ${creating} institution.import audit rows created them`);

  const scenarioAccepted = scenario.filter((v) => v.status === "ACCEPTED" || v.status === "SUPERSEDED").length;
  return {
    problems,
    versions: versions.length,
    months: months.length,
    auditRows: chain.checked,
    scenarioVersions: scenario.length,
    scenarioAccepted,
    imported,
  };
}
