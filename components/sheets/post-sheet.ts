import type { SheetReport } from "@/app/_domain/sheets/types";
import type { UploadSheetResult } from "@/app/_server/sheets/upload-sheet";

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

/** POSTs the file (multipart, with the session cookie) to /api/v1/sheets and classifies the answer. */
export async function postSheet(file: File, options: { dryRun?: boolean; explanations?: Record<string, string> } = {}): Promise<UploadOutcome> {
  const fileName = file.name;
  if (file.size > MAX_SHEET_BYTES) return { kind: "failed", fileName, message: "文件超过 20 MB 的上限，请检查是否选错了文件。" };
  const body = new FormData();
  body.append("file", file, file.name);
  if (options.dryRun) body.append("dryRun", "1");
  if (options.explanations) body.append("explanations", JSON.stringify(options.explanations));
  let res: Response;
  try {
    res = await fetch(SHEETS_API, { method: "POST", body });
  } catch {
    return { kind: "failed", fileName, message: "网络错误，上传没有完成，请稍后重试。" };
  }
  const json = res.headers.get("content-type")?.includes("application/json") ? await res.json().catch(() => null) : null;
  if (res.status === 401) return { kind: "failed", fileName, message: "登录已过期，请重新登录后再上传。" };
  if (!json) return { kind: "failed", fileName, message: `上传失败（HTTP ${res.status}），请稍后重试。` };
  if (!("ok" in json)) return { kind: "failed", fileName, message: String(json.error ?? `上传失败（HTTP ${res.status}）`) };
  const r = json as UploadSheetResult;
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
