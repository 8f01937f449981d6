import { SCHEME_LABELS } from "../catalogue";
import type { SheetIssue, SheetReport } from "./types";

/** A warning as stored with a version: the uploader's explanation is kept beside it. */
export type ExplainedIssue = SheetIssue & { explanation?: string };

export const REPORT_CSV_HEADER = ["级别", "位置", "指标", "险种", "机构", "问题", "说明"] as const;

/** Excel would run text starting with = + - @ as a formula: a leading apostrophe keeps it text. */
function csvCell(s: string): string {
  const t = /^[=+\-@\t\r]/.test(s) ? "'" + s : s;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/**
 * The validation report as CSV text for Excel: a BOM, CRLF lines, errors first then warnings (with their
 * explanations), formula-like text neutralised. The one implementation behind the server's download and the
 * browser's 下载校验报告 of a refused upload.
 */
export function reportCsvText(report: Pick<SheetReport, "errors" | "warnings">): string {
  const lines = [REPORT_CSV_HEADER.join(",")];
  for (const i of [...report.errors, ...report.warnings] as ExplainedIssue[])
    lines.push(
      [
        i.severity === "ERROR" ? "错误" : "提醒",
        i.location,
        i.indicatorCode ?? "",
        i.scheme ? SCHEME_LABELS[i.scheme] : "",
        i.institutionCode ?? "",
        i.message,
        i.explanation ?? "",
      ]
        .map(csvCell)
        .join(","),
    );
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
