import type { SheetReport } from "@/app/_domain/sheets/types";
import type { UploadSheetResult } from "@/app/_server/sheets/upload-sheet";
import { failedUploadMessage, postForm, type FormResponse } from "@/components/ui/file-upload";

export const SHEETS_API = "/api/v1/sheets";
/** The server's limit (SHEET_MAX_FILE_BYTES); checked here too so a huge file is not sent for nothing. */
export const MAX_SHEET_BYTES = 20 * 1024 * 1024;

/** What the upload panel shows after one request. */
export type UploadOutcome =
  | { kind: "errors"; fileName: string; period: string | null; report: SheetReport }
  | { kind: "warnings"; fileName: string; period: string | null; report: SheetReport }
  | { kind: "dryRun"; fileName: string; period: string; report: SheetReport }
  | { kind: "unchanged"; fileName: string; period: string; version: number; versionId: string }
  | { kind: "stored"; fileName: string; period: string; version: number; versionId: string; report: SheetReport }
  | { kind: "failed"; fileName: string; message: string };

/** POSTs the file (multipart, with the session cookie) to /api/v1/sheets, reporting progress, and classifies the answer. */
export async function postSheet(
  file: File,
  options: { dryRun?: boolean; explanations?: Record<string, string> } = {},
  onProgress?: (fraction: number) => void,
): Promise<UploadOutcome> {
  const fileName = file.name;
  if (file.size > MAX_SHEET_BYTES) return { kind: "failed", fileName, message: "文件超过 20 MB 的上限，请检查是否选错了文件。" };
  const body = new FormData();
  body.append("file", file, file.name);
  if (options.dryRun) body.append("dryRun", "1");
  if (options.explanations) body.append("explanations", JSON.stringify(options.explanations));
  let res: FormResponse;
  try {
    res = await postForm(SHEETS_API, body, onProgress);
  } catch {
    return { kind: "failed", fileName, message: "网络错误，上传没有完成，请稍后重试。" };
  }
  // A refused sheet is a 422 with the report ({ ok: false, … }); any other answer without `ok` is a failure.
  if (!res.json || res.redirected || res.status === 401 || !("ok" in res.json))
    return { kind: "failed", fileName, message: failedUploadMessage(res) };
  const r = res.json as unknown as UploadSheetResult;
  if (!r.ok) return { kind: r.stage, fileName, period: r.period, report: r.report };
  if (r.dryRun) return { kind: "dryRun", fileName, period: r.period, report: r.report };
  if (r.unchanged) return { kind: "unchanged", fileName, period: r.period, version: r.version, versionId: r.versionId };
  return { kind: "stored", fileName, period: r.period, version: r.version, versionId: r.versionId, report: r.report };
}

/** Saves text as a file in the browser (the report of a refused upload exists only in this page). */
export function saveTextFile(text: string, fileName: string, type = "text/csv;charset=utf-8") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
