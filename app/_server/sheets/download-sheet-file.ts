import type { SheetReport } from "@/app/_domain/sheets/types";
import { SCHEME_LABELS } from "@/app/_domain/catalogue";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { loadRegionVersion } from "./load-region-version";

export interface DownloadedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** The original uploaded file of a version, byte for byte (region staff of that region). */
export async function downloadSheetOriginal(session: Session, versionId: string): Promise<DownloadedFile> {
  await requirePermission(session, "region.read");
  const v = await loadRegionVersion(await db(), session.regionId, versionId);
  const xlsx = v.fileName.toLowerCase().endsWith(".xlsx");
  return {
    fileName: v.fileName,
    contentType: xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : v.source === "API" ? "application/json" : "text/csv; charset=utf-8",
    bytes: Buffer.from(v.fileBytes),
  };
}

/** A version's validation report as a CSV for Excel (UTF-8 with BOM), formula-like text neutralised. */
export function reportCsv(report: SheetReport): Buffer {
  const esc = (s: string) => {
    const t = /^[=+\-@\t\r]/.test(s) ? "'" + s : s;
    return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const lines = [["级别", "位置", "指标", "险种", "机构", "问题", "说明"].join(",")];
  for (const i of [...report.errors, ...report.warnings])
    lines.push(
      [i.severity === "ERROR" ? "错误" : "提醒", i.location, i.indicatorCode ?? "", i.scheme ? SCHEME_LABELS[i.scheme] : "", i.institutionCode ?? "", i.message, (i as { explanation?: string }).explanation ?? ""]
        .map(esc)
        .join(","),
    );
  return Buffer.from("\uFEFF" + lines.join("\r\n") + "\r\n", "utf8");
}

export async function downloadSheetReport(session: Session, versionId: string): Promise<DownloadedFile> {
  await requirePermission(session, "region.read");
  const v = await loadRegionVersion(await db(), session.regionId, versionId);
  return { fileName: `校验报告-${v.sheet.period}-第${v.version}版.csv`, contentType: "text/csv; charset=utf-8", bytes: reportCsv(v.report as unknown as SheetReport) };
}

