import { NextResponse } from "next/server";
import { readEnv } from "../env";
import { AppError } from "../errors";
import { UPLOAD_FORM_OVERHEAD } from "./body-limit";

/** Reads a request body, giving up with 413 as soon as it exceeds `limit` bytes (declared or actual). */
export async function readBodyCapped(request: Request, limit: number, tooBigMessage: string): Promise<Uint8Array<ArrayBuffer>> {
  const tooBig = () => new AppError("TOO_LARGE", tooBigMessage);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooBig();
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
      throw tooBig();
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

/** Multipart form overhead allowed on top of the file itself (boundaries, part headers, small text fields). */
export const FORM_OVERHEAD = UPLOAD_FORM_OVERHEAD;

/**
 * Reads a multipart/form-data upload, refusing a body larger than the file limit plus form overhead before
 * parsing it (declared Content-Length or actual bytes, whichever shows first). `file` is the named file field.
 */
export async function readUploadForm(request: Request, maxFileBytes: number): Promise<{ form: FormData; file: File }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) throw new AppError("INVALID", "请以表单方式（multipart/form-data）上传文件。");
  const body = await readBodyCapped(
    request,
    maxFileBytes + FORM_OVERHEAD,
    `文件超过 ${Math.round(maxFileBytes / 1024 / 1024)} MB 的上限，请拆分后分批导入。`,
  );
  return parseUploadForm(body, type);
}

/** A multipart/form-data body already read, and its `file` field. */
export async function parseUploadForm(body: Uint8Array<ArrayBuffer>, contentType: string): Promise<{ form: FormData; file: File }> {
  // The boundary in the header is case-sensitive: parse with the header as sent.
  const form = await new Response(body, { headers: { "content-type": contentType } }).formData().catch(() => {
    throw new AppError("INVALID", "上传的表单无法解析，请重新选择文件上传。");
  });
  const file = form.get("file");
  if (!file || typeof file === "string") throw new AppError("INVALID", "请选择要上传的文件（字段 file）。");
  return { form, file };
}

/**
 * A state-changing request made with the session cookie must come from our own pages: its Origin header must
 * be present and match the Host (browsers send Origin with every POST, PUT and DELETE, same-origin ones
 * included; a request without one is not from our pages — ASVS 3.5.1). Bearer-token requests carry no cookie
 * and need no such check. Every cookie-authenticated POST route calls this before reading the session
 * (test/integration/origin-checks.test.ts walks app/api to prove it).
 */
export function assertSameOrigin(request: Request, hops = readEnv().trustedProxyHops) {
  const origin = request.headers.get("origin");
  // X-Forwarded-Host counts only when a proxy we trust wrote it (issue 16, finding 3): otherwise a client
  // sending `X-Forwarded-Host: evil.example` with `Origin: https://evil.example` would pass.
  const forwarded = hops > 0 ? request.headers.get("x-forwarded-host") : null;
  const host = forwarded ?? request.headers.get("host") ?? new URL(request.url).host;
  let originHost: string | null = null;
  try {
    originHost = origin && origin !== "null" ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || originHost !== host) throw new AppError("FORBIDDEN", "跨站请求被拒绝。");
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A download. The name goes in `filename*` (UTF-8, for Chinese names); `asciiName`, when given, is the plain
 * `filename` older clients fall back to.
 */
export function fileResponse(file: { fileName: string; contentType: string; bytes: Buffer; asciiName?: string }) {
  const ascii = file.asciiName ? `filename="${file.asciiName.replace(/[^\x20-\x7e]|["\\]/g, "")}"; ` : "";
  return new NextResponse(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; ${ascii}filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
