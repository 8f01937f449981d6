import { sheetUploadQuerySchema } from "@/app/_domain/schemas/sheet";
import { apiRoute } from "@/app/_server/http/api-route";
import { FORM_OVERHEAD } from "@/app/_server/http/route-helpers";
import { listSheets } from "@/app/_server/sheets/list-sheets";
import { SHEET_MAX_FILE_BYTES } from "@/app/_server/sheets/read-sheet-template";
import { readSheetUpload, SHEET_UPLOAD_TYPES } from "@/app/_server/sheets/read-sheet-upload";
import { uploadSheet } from "@/app/_server/sheets/upload-sheet";

/** GET /api/v1/sheets: the caller's region's sheets and their versions. */
export const GET = apiRoute({ summary: "本统筹区的月度底稿及其版本", auth: "session-or-token" }, ({ session }) => listSheets(session));

/**
 * POST /api/v1/sheets: upload one month's base sheet — JSON ({ regionCode, period, values }), a CSV body
 * (text/csv) or a form with `file` (.xlsx/.csv). `?dryRun=1` validates only. Explanations of warnings:
 * form field or JSON property `explanations` ({ warningKey: text }). 201 stored, 200 unchanged or dry run,
 * 422 with the report when the sheet has errors or unexplained warnings.
 */
export const POST = apiRoute(
  {
    summary: "上传一个月的底稿（JSON、CSV 或表单文件）",
    auth: "session-or-token",
    query: sheetUploadQuerySchema,
    raw: { contentTypes: SHEET_UPLOAD_TYPES, maxBytes: SHEET_MAX_FILE_BYTES + FORM_OVERHEAD, tooBig: `上传内容超过 ${SHEET_MAX_FILE_BYTES / 1024 / 1024} MB 的上限。` },
  },
  async ({ session, query, raw }) => {
    const input = await readSheetUpload(raw!, query);
    const result = await uploadSheet(session, input);
    const status = !result.ok ? 422 : !result.dryRun && !result.unchanged ? 201 : 200;
    return Response.json(result, { status });
  },
);
