import { NextResponse } from "next/server";
import { apiSession } from "@/app/_server/http/api-session";
import { TOO_LARGE_MESSAGE, UPLOAD_FORM_OVERHEAD } from "@/app/_server/http/body-limit";
import { errorResponse, readBodyCapped } from "@/app/_server/http/route-helpers";
import { AppError } from "@/app/_server/errors";
import { listSheets } from "@/app/_server/sheets/list-sheets";
import { SHEET_MAX_FILE_BYTES } from "@/app/_server/sheets/read-sheet-template";
import { uploadSheet, type UploadSheetInput } from "@/app/_server/sheets/upload-sheet";

const unauthorized = () => NextResponse.json({ error: "未登录或 API 令牌无效。" }, { status: 401, headers: { "www-authenticate": "Bearer" } });

/** GET /api/v1/sheets: the caller's region's sheets and their versions. */
export async function GET(request: Request) {
  try {
    const session = await apiSession(request);
    if (!session) return unauthorized();
    return NextResponse.json(await listSheets(session), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e, "v1/sheets GET");
  }
}

/**
 * POST /api/v1/sheets: upload one month's base sheet — JSON ({ regionCode, period, values }), a CSV body
 * (text/csv) or a form with `file` (.xlsx/.csv). `?dryRun=1` validates only. Explanations of warnings:
 * form field or JSON property `explanations` ({ warningKey: text }). 201 stored, 200 unchanged or dry run,
 * 422 with the report when the sheet has errors or unexplained warnings.
 */
export async function POST(request: Request) {
  try {
    const session = await apiSession(request);
    if (!session) return unauthorized();
    const url = new URL(request.url);
    // Lower-cased for matching only: a multipart boundary is case-sensitive (Chrome's has capitals).
    const contentType = request.headers.get("content-type") ?? "";
    const type = contentType.toLowerCase();
    const bytes = Buffer.from(await readBodyCapped(request, SHEET_MAX_FILE_BYTES + UPLOAD_FORM_OVERHEAD, TOO_LARGE_MESSAGE));
    let input: UploadSheetInput;
    let dryRun = /^(1|true)$/i.test(url.searchParams.get("dryRun") ?? "");
    if (type.startsWith("application/json")) {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(bytes.toString("utf8"));
      } catch {
        throw new AppError("INVALID", "请求体不是有效的 JSON。");
      }
      input = { source: { kind: "api", body, bytes }, explanations: body.explanations as Record<string, string> | undefined };
    } else if (type.startsWith("multipart/form-data")) {
      const form = await new Response(bytes, { headers: { "content-type": contentType } }).formData().catch(() => {
        throw new AppError("INVALID", "上传的表单无法解析，请重新选择文件上传。");
      });
      const file = form.get("file");
      if (!file || typeof file === "string") throw new AppError("INVALID", "请选择要上传的文件（字段 file）。");
      dryRun ||= /^(1|true|on)$/i.test(String(form.get("dryRun") ?? ""));
      const explanations = form.get("explanations");
      input = {
        source: { kind: "file", fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) },
        explanations: typeof explanations === "string" && explanations ? parseExplanations(explanations) : undefined,
      };
    } else if (type.startsWith("text/csv")) {
      input = { source: { kind: "file", fileName: url.searchParams.get("fileName") || "upload.csv", bytes } };
    } else throw new AppError("INVALID", "不支持的内容类型：请用 application/json、text/csv 或 multipart/form-data。");
    const result = await uploadSheet(session, { ...input, dryRun });
    const status = !result.ok ? 422 : !result.dryRun && !result.unchanged ? 201 : 200;
    return NextResponse.json(result, { status, headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e, "v1/sheets POST");
  }
}

function parseExplanations(text: string): Record<string, string> {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID", "提醒说明（explanations）不是有效的 JSON。");
  }
}
