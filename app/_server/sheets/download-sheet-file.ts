import type { SheetReport } from "@/app/_domain/sheets/types";
import { reportCsvText } from "@/app/_domain/sheets/report-csv";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { loadRegionVersion, sheetFileBytes } from "./load-region-version";

export interface DownloadedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** The original uploaded file of a version, byte for byte (region staff of that region). */
export async function downloadSheetOriginal(session: Session, versionId: string): Promise<DownloadedFile> {
  await requirePermission(session, "region.read");
  const prisma = await db();
  const v = await loadRegionVersion(prisma, session.regionId, versionId);
  const xlsx = v.fileName.toLowerCase().endsWith(".xlsx");
  return {
    fileName: v.fileName,
    contentType: xlsx
      ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      : v.source === "API"
        ? "application/json"
        : "text/csv; charset=utf-8",
    bytes: await sheetFileBytes(prisma, v.id),
  };
}

/** A version's validation report as a CSV for Excel (UTF-8 with BOM), formula-like text neutralised. */
export const reportCsv = (report: SheetReport): Buffer => Buffer.from(reportCsvText(report), "utf8");

export async function downloadSheetReport(session: Session, versionId: string): Promise<DownloadedFile> {
  await requirePermission(session, "region.read");
  const v = await loadRegionVersion(await db(), session.regionId, versionId);
  return {
    fileName: `校验报告-${v.sheet.period}-第${v.version}版.csv`,
    contentType: "text/csv; charset=utf-8",
    bytes: reportCsv(v.report as unknown as SheetReport),
  };
}
