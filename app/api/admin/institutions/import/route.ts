import { NextResponse } from "next/server";
import { importInstitutions } from "@/app/_server/admin/import-institutions";
import { MAX_FILE_BYTES } from "@/app/_server/admin/read-table-file";
import { getSession } from "@/app/_server/auth/current-session";
import { AppError } from "@/app/_server/errors";
import { readBodyCapped } from "@/app/_server/http/route-helpers";

/** Multipart form overhead allowed on top of the file itself (boundaries, part headers, the dryRun field). */
const FORM_OVERHEAD = 64 * 1024;

/**
 * POST multipart/form-data: `file` (.xlsx or .csv), optional `dryRun` ("1"/"true"). Answers the use case's
 * result as JSON (200 also when the file has issues: `ok: false` with the issue list), or `{ error }` with
 * the AppError's status.
 */
export async function POST(request: Request) {
  try {
    const session = await getSession();
    if (!session) return NextResponse.json({ error: "请先登录。" }, { status: 401 });
    const type = request.headers.get("content-type") ?? "";
    if (!type.toLowerCase().startsWith("multipart/form-data")) throw new AppError("INVALID", "请以表单方式（multipart/form-data）上传文件。");
    const body = await readBodyCapped(request, MAX_FILE_BYTES + FORM_OVERHEAD, `文件超过 ${Math.round(MAX_FILE_BYTES / 1024 / 1024)} MB 的上限，请拆分后分批导入。`);
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": type } }).formData();
    } catch {
      throw new AppError("INVALID", "上传的表单无法解析，请重新选择文件上传。");
    }
    const file = form.get("file");
    if (!file || typeof file === "string") throw new AppError("INVALID", "请选择要上传的文件（字段 file）。");
    const dryRun = /^(1|true|on|yes)$/i.test(String(form.get("dryRun") ?? ""));
    const result = await importInstitutions(session, { fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()), dryRun });
    return NextResponse.json(result, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    if (e instanceof AppError) return NextResponse.json({ error: e.message }, { status: e.status });
    console.error("[institutions/import] unexpected error", e);
    return NextResponse.json({ error: "系统错误，请稍后重试；如果一再出现，请联系系统管理员。" }, { status: 500 });
  }
}
