import { createHash, randomUUID } from "node:crypto";
import type { IndicatorDef } from "@/app/_domain/catalogue";
import { addMonths, currentPeriod, previousDecember, yearMonth, type Period } from "@/app/_domain/periods";
import { toLongCsv } from "@/app/_domain/sheets/long-csv";
import type { SheetIssue, SheetReport, SheetValueRow } from "@/app/_domain/sheets/types";
import type { PreviousValueMap } from "@/app/_domain/sheets/types";
import { cellKey, validateSheet } from "@/app/_domain/sheets/validate-sheet";
import { hashPassword } from "@/app/_server/auth/passwords";
import { recomputeRegion } from "@/app/_server/metrics/recompute-metrics";
import { recordAudit } from "@/app/_server/audit/record-audit";
import { toIndicatorDef } from "@/app/_server/catalogue/indicator-rows";
import { defaultCatalogueVersion } from "@/app/_server/catalogue/region-catalogue";
import type { PrismaClient } from "@/app/_server/generated/prisma/client";
import { insertSheetValues } from "@/app/_server/sheets/sheet-values-store";
import {
  DEMO_LOGIN_HINTS,
  DEMO_PASSWORD,
  DEMO_PROVINCE,
  DEMO_REGIONS,
  DEMO_UPLOAD_REGION,
  DEMO_USERS,
  demoInstitutionsOf,
} from "./demo-data";
import { seedDemoPublications } from "./demo-publications";
import { demoAnomalyPlan, demoAnomalyWarnings, generateDemoMonths } from "./demo-sheets";

export interface DemoSummary {
  created: boolean;
  password: string;
  users: { username: string; displayName: string; roles: string[] }[];
}

/** How many months of accepted sheets the demo regions have (27: the last year, the one before, and a quarter). */
export const DEMO_SHEET_MONTHS = 27;

/**
 * Creates the demo province, regions (set to the newest built-in catalogue), institutions, the demo accounts
 * and, when the built-in catalogue is present (ensureBuiltInCatalogues runs first at start-up), 27 months of
 * accepted monthly base sheets per region, in one transaction, when the database has no users yet. Demo
 * accounts are flagged (isDemo) and exist only in demo mode.
 *
 * The sheets end with last month (Asia/Shanghai), except 合肥市 (DEMO_UPLOAD_REGION): its sheets end two months
 * back (26 months), so that a newcomer signing in as hf_entry finds last month's sheet still to do and can
 * upload it (and review it as hf_reviewer) themselves. 芜湖市 and 宿松县 have 27 months ending last month.
 * Values come from prisma/seed/demo-sheets.ts; each month is validated as an upload would be, and is stored
 * as uploaded by the region's DATA_ENTRY account and accepted by its DATA_REVIEWER, with the anomalies'
 * warnings and their explanations in the report. The sheets are generated and validated before the transaction
 * opens; the transaction inserts them (values in bulk), computes their metrics and publishes (demo-publications.ts).
 */
export async function seedDemoIfEmpty(prisma: PrismaClient, options: { now?: Date } = {}): Promise<DemoSummary> {
  const now = options.now ?? new Date();
  const summary = {
    password: DEMO_PASSWORD,
    users: DEMO_LOGIN_HINTS.map(({ username, displayName, roles }) => ({ username, displayName, roles })),
  };
  const anyUser = await prisma.user.findFirst({ select: { isDemo: true } });
  if (anyUser) return { ...summary, created: false, ...(anyUser.isDemo ? {} : { users: [] }) };

  // Created at start-up by ensureBuiltInCatalogues, before this seed runs. Set on the regions explicitly: an
  // existing demo keeps its version when a newer built-in one ships.
  const catalogue = await defaultCatalogueVersion(prisma);
  const indicators = catalogue
    ? (
        await prisma.indicator.findMany({
          where: { catalogueVersionId: catalogue.id, regionId: null },
          orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        })
      ).map(toIndicatorDef)
    : [];
  const sheets = catalogue ? buildDemoSheets(indicators, now) : new Map<string, DemoSheet[]>();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await prisma.$transaction(
    async (tx) => {
      const province = await tx.province.create({ data: DEMO_PROVINCE });
      const regionIds = new Map<string, string>();
      const institutionIds = new Map<string, string>();
      const institutionIdsByCode = new Map<string, string>();
      for (const r of DEMO_REGIONS) {
        const region = await tx.region.create({
          data: { code: r.code, name: r.name, level: r.level, provinceId: province.id, catalogueVersionId: catalogue?.id ?? null },
        });
        regionIds.set(r.code, region.id);
        const rows = demoInstitutionsOf(r).map(({ code, name, level, type, district, beds }, i) => ({
          id: randomUUID(),
          code,
          name,
          regionId: region.id,
          level,
          type,
          district,
          beds,
          designatedSince: new Date(Date.UTC(2012 + (i % 10), (i * 5) % 12, 1)),
        }));
        await tx.institution.createMany({ data: rows });
        for (const row of rows) {
          institutionIds.set(row.name, row.id);
          institutionIdsByCode.set(row.code, row.id);
        }
      }
      const userIds = new Map<string, string>();
      for (const u of DEMO_USERS) {
        const user = await tx.user.create({
          data: {
            username: u.username,
            displayName: u.displayName,
            passwordHash,
            roles: u.roles,
            isDemo: true,
            provinceId: u.scope?.province ? province.id : null,
            regionId: u.scope?.region ? regionIds.get(u.scope.region) : null,
            institutionId: u.scope?.institutionOf ? institutionIds.get(u.scope.institutionOf) : null,
          },
          select: { id: true },
        });
        userIds.set(u.username, user.id);
      }

      let sheetCount = 0;
      for (const [regionCode, list] of sheets) {
        if (!list.length) continue;
        const accountOf = (role: "DATA_ENTRY" | "DATA_REVIEWER") => {
          const u = DEMO_USERS.find((x) => x.roles.includes(role) && x.scope?.region === regionCode);
          if (!u) throw new Error(`演示数据缺少 ${regionCode} 的 ${role} 账号`);
          return userIds.get(u.username)!;
        };
        const uploader = accountOf("DATA_ENTRY");
        const reviewer = accountOf("DATA_REVIEWER");
        const sheetRows = list.map((s) => ({
          id: randomUUID(),
          regionId: regionIds.get(regionCode)!,
          period: s.period,
          createdAt: s.uploadedAt,
        }));
        await tx.sheet.createMany({ data: sheetRows });
        const versionIds = list.map(() => randomUUID());
        await tx.sheetVersion.createMany({
          data: list.map((s, i) => ({
            id: versionIds[i],
            sheetId: sheetRows[i].id,
            version: 1,
            status: "ACCEPTED" as const,
            source: "CSV" as const,
            catalogueVersionId: catalogue!.id,
            fileName: s.fileName,
            fileSha256: s.sha256,
            fileBytes: new Uint8Array(s.bytes),
            report: JSON.parse(JSON.stringify(s.report)),
            valueCount: s.rows.length,
            uploadedById: uploader,
            uploadedAt: s.uploadedAt,
            reviewedById: reviewer,
            reviewedAt: s.reviewedAt,
            reviewComment: s.report.warnings.length ? "提示项已核实说明，同意接收。" : null,
          })),
        });
        for (const [i, s] of list.entries()) await insertSheetValues(tx, versionIds[i], s.rows, institutionIdsByCode);
        sheetCount += list.length;
      }

      await tx.systemSetting.create({ data: { key: "demo", value: { createdAt: now.toISOString() } } });
      await recordAudit(
        tx,
        { username: "system" },
        {
          action: "demo.seed",
          objectType: "Province",
          objectId: province.id,
          detail: { regions: DEMO_REGIONS.length, institutions: institutionIds.size, users: DEMO_USERS.length, acceptedSheets: sheetCount },
        },
      );
      // The demo's sheets were stored as accepted directly, so their metrics are computed here as acceptance would.
      for (const regionId of regionIds.values()) await recomputeRegion(tx, regionId);
      await seedDemoPublications(tx, now);
    },
    // One transaction: a first start killed half-way leaves no demo at all (the next start seeds it), never
    // users without metrics or publications (test/integration/crash-safety.test.ts checks every month's metrics).
    { timeout: 600_000 },
  );
  return { ...summary, created: true };
}

export interface DemoSheet {
  regionCode: string;
  period: Period;
  /** e.g. 合肥市-2025-03.csv */
  fileName: string;
  /** The long CSV (UTF-8 with BOM, as an Excel user would save it). */
  bytes: Buffer;
  sha256: string;
  rows: SheetValueRow[];
  /** As the upload would have stored it: no errors; each warning with the region's explanation. */
  report: SheetReport;
  uploadedAt: Date;
  reviewedAt: Date;
}

/** The months of accepted sheets each demo region gets at `now`: [from, to] (see seedDemoIfEmpty). */
export function demoSheetRange(regionCode: string, now: Date): { from: Period; to: Period; last: Period } {
  const last = addMonths(currentPeriod(now), -1);
  const from = addMonths(last, -(DEMO_SHEET_MONTHS - 1));
  return { from, to: regionCode === DEMO_UPLOAD_REGION ? addMonths(last, -1) : last, last };
}

/**
 * The demo regions' accepted sheets at `now`, by region code: generated, written as long CSV and validated
 * month by month against the months before, exactly as uploads would be. Pure; throws if a month has an
 * error (a bug in the generator, which test/unit/demo-sheets.test.ts guards against).
 */
export function buildDemoSheets(catalogue: readonly IndicatorDef[], now: Date): Map<string, DemoSheet[]> {
  const out = new Map<string, DemoSheet[]>();
  for (const [regionIndex, r] of DEMO_REGIONS.entries()) {
    const institutions = demoInstitutionsOf(r);
    const { from, to, last } = demoSheetRange(r.code, now);
    // The anomalies are placed relative to last month for every region, so that 合肥's missing month, when a
    // newcomer uploads it from generateDemoMonth with the same plan, continues the same story.
    const plan = demoAnomalyPlan(last);
    const explained = demoAnomalyWarnings(plan, institutions);
    const months = generateDemoMonths({ catalogue, region: { code: r.code, scale: r.scale }, institutions, from, to, anomalies: plan });
    const maps = new Map<Period, PreviousValueMap>();
    const list: DemoSheet[] = [];
    for (const [period, generated] of months) {
      const csv = toLongCsv(
        generated.map((x) => ({ regionCode: r.code, period, ...x })),
        { bom: true },
      );
      const { values, report } = validateSheet({
        catalogue,
        regionCode: r.code,
        period,
        expectedRegionCode: r.code,
        institutions: institutions.map((i) => ({ code: i.code, name: i.name })),
        // Line 1 is the header, as in the CSV.
        cells: generated.map((x, i) => ({
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
        now,
      });
      if (report.errors.length)
        throw new Error(
          `演示数据 ${r.name} ${period} 未通过校验：${report.errors
            .slice(0, 3)
            .map((e) => `${e.location} ${e.message}`)
            .join("；")}`,
        );
      for (const w of report.warnings) {
        const known = explained.find(
          (e) => e.period === period && e.rule === w.rule && e.indicatorCode === w.indicatorCode && e.institutionCode === w.institutionCode,
        );
        (w as SheetIssue & { explanation?: string }).explanation = known?.explanation ?? "演示数据：已与填报单位核实，数据无误。";
      }
      maps.set(period, new Map(values.map((x) => [cellKey(x.indicatorCode, x.scheme, x.institutionCode), x.value])));
      const bytes = Buffer.from(csv, "utf8");
      const { uploadedAt, reviewedAt } = demoTimes(period, regionIndex, now);
      list.push({
        regionCode: r.code,
        period,
        fileName: `${r.name}-${period}.csv`,
        bytes,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        rows: values,
        report,
        uploadedAt,
        reviewedAt,
      });
    }
    out.set(r.code, list);
  }
  return out;
}

/** Uploaded on the 6th–8th of the following month at 09:30 Shanghai time, accepted the next day at 15:30; never in the future. */
function demoTimes(period: Period, regionIndex: number, now: Date) {
  const { year, month } = yearMonth(period);
  // Month index `month` (0-based) is the following month; 01:30 UTC = 09:30 in Shanghai.
  let uploadedAt = new Date(Date.UTC(year, month, 6 + regionIndex, 1, 30));
  let reviewedAt = new Date(uploadedAt.getTime() + 30 * 3600_000);
  const latest = now.getTime() - 10 * 60_000;
  if (reviewedAt.getTime() > latest) reviewedAt = new Date(latest);
  if (uploadedAt.getTime() > reviewedAt.getTime() - 3600_000) uploadedAt = new Date(reviewedAt.getTime() - 3600_000);
  return { uploadedAt, reviewedAt };
}
