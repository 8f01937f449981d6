import { explanationsSchema, sheetUploadFormSchema } from "@/app/_domain/schemas/sheet";
import { AppError, fromZod } from "../errors";
import { parseUploadForm } from "../http/route-helpers";
import type { UploadSheetInput } from "./upload-sheet";

export const SHEET_UPLOAD_TYPES = ["application/json", "multipart/form-data", "text/csv"] as const;

/**
 * The body of POST /api/v1/sheets as the upload use case's input: JSON ({ regionCode, period, values,
 * explanations? }), a form with `file` (and `dryRun`, `explanations` as JSON text) or a bare CSV body.
 */
export async function readSheetUpload(
  raw: { bytes: Buffer; contentType: string },
  query: { dryRun: boolean; fileName?: string },
): Promise<UploadSheetInput> {
  // Lower-cased for matching only: a multipart boundary is case-sensitive (Chrome's has capitals).
  const type = raw.contentType.toLowerCase();
  if (type.startsWith("application/json")) {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.bytes.toString("utf8"));
    } catch {
      throw new AppError("INVALID", "请求体不是有效的 JSON。");
    }
    const explanations = explanationsSchema.optional().safeParse(body?.explanations);
    if (!explanations.success) throw fromZod(explanations.error);
    return { source: { kind: "api", body, bytes: raw.bytes }, explanations: explanations.data, dryRun: query.dryRun };
  }
  if (type.startsWith("multipart/form-data")) {
    const { form, file } = await parseUploadForm(new Uint8Array(raw.bytes), raw.contentType);
    const fields = sheetUploadFormSchema.safeParse({ dryRun: text(form, "dryRun"), explanations: text(form, "explanations") });
    if (!fields.success) throw fromZod(fields.error);
    return {
      source: { kind: "file", fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) },
      explanations: fields.data.explanations,
      dryRun: query.dryRun || fields.data.dryRun,
    };
  }
  if (type.startsWith("text/csv"))
    return { source: { kind: "file", fileName: query.fileName || "upload.csv", bytes: raw.bytes }, dryRun: query.dryRun };
  throw new AppError("INVALID", "不支持的内容类型：请用 application/json、text/csv 或 multipart/form-data。");
}

function text(form: FormData, key: string): string | undefined {
  const v = form.get(key);
  return typeof v === "string" ? v : undefined;
}
