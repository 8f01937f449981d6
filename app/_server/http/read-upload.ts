import "server-only";
import { AppError } from "../errors";

/** Multipart form overhead allowed on top of the file itself (boundaries, part headers, small text fields). */
const FORM_OVERHEAD = 64 * 1024;

const tooBig = (maxFileBytes: number) => new AppError("INVALID", `文件超过 ${Math.round(maxFileBytes / 1024 / 1024)} MB 的上限，请拆分后分批导入。`);

/**
 * Reads a multipart/form-data upload for a route handler, refusing a body larger than the file limit plus
 * form overhead before parsing it (declared Content-Length or actual bytes, whichever shows first).
 * Returns the parsed form; `file` is the named file field.
 */
export async function readUploadForm(request: Request, maxFileBytes: number): Promise<{ form: FormData; file: File }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) throw new AppError("INVALID", "请以表单方式（multipart/form-data）上传文件。");
  const body = await readBodyCapped(request, maxFileBytes + FORM_OVERHEAD, () => tooBig(maxFileBytes));
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("INVALID", "上传的表单无法解析，请重新选择文件上传。");
  }
  const file = form.get("file");
  if (!file || typeof file === "string") throw new AppError("INVALID", "请选择要上传的文件（字段 file）。");
  return { form, file };
}

async function readBodyCapped(request: Request, limit: number, tooLarge: () => AppError): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
