import { createHash } from "node:crypto";
import { addMonths, isPeriod, previousDecember } from "@/app/_domain/periods";
import { apiBodyToCells, type SheetApiBody } from "@/app/_domain/sheets/api-body";
import type { RawCell, SheetIssue, SheetReport } from "@/app/_domain/sheets/types";
import { validateSheet } from "@/app/_domain/sheets/validate-sheet";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { loadRegionCatalogue } from "../catalogue/region-catalogue";
import { db } from "../db";
import { notFound } from "../errors";
import { readSheetFile } from "./read-sheet-file";
import { readEnv } from "../env";
import { acceptedValueMap, insertSheetValues } from "./sheet-values-store";
import { MIN_EXPLANATION_LENGTH, warningKey } from "@/app/_domain/sheets/warning-key";

export type UploadSource = { kind: "file"; fileName: string; bytes: Buffer } | { kind: "api"; body: SheetApiBody; bytes: Buffer };

export interface UploadSheetInput {
  source: UploadSource;
  /** Validate only; store nothing. */
  dryRun?: boolean;
  /** The uploader's explanation for each warning, by warningKey(); every warning needs one to be stored. */
  explanations?: Record<string, string>;
}

export type UploadSheetResult =
  | { ok: false; stage: "errors" | "warnings"; period: string | null; report: SheetReport }
  | { ok: true; dryRun: true; period: string; report: SheetReport }
  | { ok: true; dryRun: false; unchanged: true; period: string; version: number; versionId: string }
  | { ok: true; dryRun: false; unchanged: false; period: string; version: number; versionId: string; report: SheetReport };

/**
 * Uploads one month's base sheet for the uploader's own region: read, validate cell by cell, and store it as
 * the sheet's next version (status VALIDATED) with the original bytes, SHA-256 and report. Any error rejects the
 * whole upload and stores nothing (an audit row records the refusal); warnings need an explanation each.
 */
export async function uploadSheet(session: Session, input: UploadSheetInput): Promise<UploadSheetResult> {
  return auditFailures(session, "sheet.upload", async () => {
    await requirePermission(session, "sheet.upload");
    if (!session.regionId) throw notFound("统筹区");
    const prisma = await db();
    const region = await prisma.region.findUnique({
      where: { id: session.regionId },
      include: { institutions: { where: { active: true } } },
    });
    if (!region) throw notFound("统筹区");
    const catalogue = await loadRegionCatalogue(prisma, region.id);

    const read =
      input.source.kind === "file"
        ? await readSheetFile(input.source.fileName, input.source.bytes, { code: catalogue.version.code, indicators: catalogue.indicators })
        : { ...apiBodyToCells(input.source.body), catalogueCode: null, templateHash: null };
    const readIssues: SheetIssue[] = [...read.issues];
    if (read.catalogueCode && read.catalogueCode !== catalogue.version.code)
      readIssues.push({
        severity: "ERROR",
        rule: "template.catalogue",
        location: "_meta",
        message: `模板的指标目录版本 ${read.catalogueCode} 与本统筹区当前目录 ${catalogue.version.code} 不一致，请重新下载模板。`,
      });

    const period = read.period && isPeriod(read.period) ? read.period : null;
    const institutionCodeOf = new Map(region.institutions.map((i) => [i.id, i.code]));
    const previous = period
      ? {
          sameYearPrevMonth: period.endsWith("-01")
            ? undefined
            : await acceptedValueMap(prisma, region.id, addMonths(period, -1), institutionCodeOf),
          prevDecember: await acceptedValueMap(prisma, region.id, previousDecember(period), institutionCodeOf),
          monthBeforePrev: await acceptedValueMap(prisma, region.id, addMonths(period, -2), institutionCodeOf),
        }
      : undefined;
    const env = readEnv();
    const { values, report } = validateSheet({
      catalogue: catalogue.indicators,
      regionCode: read.regionCode,
      period: read.period,
      expectedRegionCode: region.code,
      institutions: region.institutions.map((i) => ({ code: i.code, name: i.name })),
      cells: read.cells as RawCell[],
      previous,
      now: new Date(),
      readIssues,
      momMinBase: env.momMinBase,
      tolerance: env.balanceTolerance,
    });

    if (report.errors.length || !period) {
      await refuse(session, input, period, report);
      return { ok: false, stage: "errors", period, report };
    }
    if (input.dryRun) return { ok: true, dryRun: true, period, report };
    const explanations = input.explanations ?? {};
    const unexplained = report.warnings.filter((w) => (explanations[warningKey(w)] ?? "").trim().length < MIN_EXPLANATION_LENGTH);
    if (unexplained.length) return { ok: false, stage: "warnings", period, report };
    for (const w of report.warnings) (w as SheetIssue & { explanation?: string }).explanation = explanations[warningKey(w)].trim();

    const sha256 = createHash("sha256").update(input.source.bytes).digest("hex");
    const institutionIdOf = new Map(region.institutions.map((i) => [i.code, i.id]));
    return prisma.$transaction(
      async (tx) => {
        const sheet = await tx.sheet.upsert({
          where: { regionId_period: { regionId: region.id, period } },
          create: { regionId: region.id, period },
          update: {},
        });
        // Serialise uploads of one sheet so version numbers never collide.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${sheet.id}))`;
        const same = await tx.sheetVersion.findFirst({
          where: { sheetId: sheet.id, fileSha256: sha256 },
          select: { id: true, version: true },
        });
        if (same) {
          await recordAudit(tx, actorOf(session), {
            action: "sheet.upload.unchanged",
            objectType: "SheetVersion",
            objectId: same.id,
            detail: { period, sha256 },
          });
          return { ok: true as const, dryRun: false as const, unchanged: true as const, period, version: same.version, versionId: same.id };
        }
        const last = await tx.sheetVersion.findFirst({
          where: { sheetId: sheet.id },
          orderBy: { version: "desc" },
          select: { version: true },
        });
        const fileName = input.source.kind === "file" ? input.source.fileName.split(/[\\/]/).pop()!.slice(0, 200) : `api-${period}.json`;
        const version = await tx.sheetVersion.create({
          data: {
            sheetId: sheet.id,
            version: (last?.version ?? 0) + 1,
            status: "VALIDATED",
            source:
              input.source.kind === "api"
                ? "API"
                : read.catalogueCode !== null || fileName.toLowerCase().endsWith(".xlsx")
                  ? "XLSX"
                  : "CSV",
            catalogueVersionId: catalogue.version.id,
            fileName,
            fileSha256: sha256,
            fileBytes: new Uint8Array(0), // set below
            report: JSON.parse(JSON.stringify(report)),
            valueCount: values.length,
            uploadedById: session.userId,
          },
          select: { id: true, version: true, source: true },
        });
        // The original file, passed as base64 text: binary parameters cost ~0.3 s a megabyte through PGlite's protocol.
        await tx.$executeRaw`UPDATE "SheetVersion" SET "fileBytes" = decode(${input.source.bytes.toString("base64")}, 'base64') WHERE "id" = ${version.id}`;
        await insertSheetValues(tx, version.id, values, institutionIdOf);
        await recordAudit(tx, actorOf(session), {
          action: "sheet.upload",
          objectType: "SheetVersion",
          objectId: version.id,
          detail: {
            period,
            version: version.version,
            sha256,
            values: values.length,
            warnings: report.warnings.length,
            source: version.source,
          },
        });
        return {
          ok: true as const,
          dryRun: false as const,
          unchanged: false as const,
          period,
          version: version.version,
          versionId: version.id,
          report,
        };
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
  });
}

/** A refused upload stores nothing but leaves an audit row with the error count and the first messages. */
async function refuse(session: Session, input: UploadSheetInput, period: string | null, report: SheetReport) {
  const prisma = await db();
  await prisma.$transaction((tx) =>
    recordAudit(tx, actorOf(session), {
      action: "sheet.upload",
      result: "FAILURE",
      detail: {
        period,
        fileName: input.source.kind === "file" ? input.source.fileName.slice(0, 200) : "api",
        errors: report.errors.length,
        first: report.errors.slice(0, 3).map((e) => `${e.location} ${e.message}`.slice(0, 200)),
      },
    }),
  );
}
