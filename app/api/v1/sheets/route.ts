import { sheetUploadFormSchema, sheetUploadQuerySchema } from "@/app/_domain/schemas/sheet";
import {
  sheetApiBodySchema,
  sheetListResponseSchema,
  sheetRefusedSchema,
  sheetUploadedSchema,
} from "@/app/_domain/schemas/sheet-responses";
import { errorBodySchema } from "@/app/_domain/schemas/common";
import { z } from "@/app/_domain/zod";
import { apiRoute } from "@/app/_server/http/api-route";
import { TOO_LARGE_MESSAGE } from "@/app/_server/http/body-limit";
import { FORM_OVERHEAD } from "@/app/_server/http/route-helpers";
import { listSheets } from "@/app/_server/sheets/list-sheets";
import { SHEET_MAX_FILE_BYTES } from "@/app/_server/sheets/read-sheet-template";
import { readSheetUpload, SHEET_UPLOAD_TYPES } from "@/app/_server/sheets/read-sheet-upload";
import { uploadSheet } from "@/app/_server/sheets/upload-sheet";

/** GET /api/v1/sheets: the caller's region's sheets and their versions. */
export const GET = apiRoute(
  { summary: "本统筹区的月度底稿及其版本", auth: "session-or-token", response: sheetListResponseSchema },
  ({ session }) => listSheets(session),
);

/**
 * POST /api/v1/sheets: upload one month's base sheet — JSON ({ regionCode, period, values }), a CSV body
 * (text/csv) or a form with `file` (.xlsx/.csv). `?dryRun=1` validates only. Explanations of warnings:
 * form field or JSON property `explanations` ({ warningKey: text }). 201 stored, 200 unchanged or dry run,
 * 422 with the report when the sheet has errors or unexplained warnings.
 */
export const POST = apiRoute(
  {
    summary: "上传一个月的底稿（JSON、CSV 或表单文件）",
    description:
      "以调用者的统筹区上传；逐格校验后保存为新版本（待审核）。有错误则整份拒收；有提醒须逐条说明（explanations：{ 提醒键: 说明 }，提醒键见报告）。dryRun=1 只校验不保存。",
    auth: "session-or-token",
    query: sheetUploadQuerySchema,
    raw: {
      contentTypes: SHEET_UPLOAD_TYPES,
      schemas: {
        "application/json": sheetApiBodySchema,
        "multipart/form-data": sheetUploadFormSchema,
        "text/csv": z.string().describe("长表 CSV：region_code,period,indicator_code,scheme,institution_code,value"),
      },
      maxBytes: SHEET_MAX_FILE_BYTES + FORM_OVERHEAD,
      tooBig: TOO_LARGE_MESSAGE,
    },
    response: sheetUploadedSchema,
    responses: {
      201: { description: "已保存为新版本（待审核）", body: sheetUploadedSchema },
      422: {
        description: "底稿有错误或未说明的提醒（附校验报告，未保存）；或请求本身无效",
        body: z.union([sheetRefusedSchema, errorBodySchema]),
      },
    },
  },
  async ({ session, query, raw }) => {
    const input = await readSheetUpload(raw!, query);
    const result = await uploadSheet(session, input);
    const status = !result.ok ? 422 : !result.dryRun && !result.unchanged ? 201 : 200;
    return Response.json(result, { status });
  },
);
