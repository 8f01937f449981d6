import { NextResponse } from "next/server";
import { MAX_FILE_BYTES } from "@/app/_server/admin/read-table-file";
import { getSession } from "@/app/_server/auth/current-session";
import { importCatalogueVersion } from "@/app/_server/catalogue/import-catalogue-version";
import { AppError } from "@/app/_server/errors";
import { assertSameOrigin, readUploadForm } from "@/app/_server/http/route-helpers";

/**
 * POST multipart/form-data: `file` (.xlsx or .csv in the export layout), `code` and `name` of the new catalogue
 * version, optional `description` and `reconstructed` ("1"/"true"). Answers the use case's result as JSON
 * (200 also when the file has issues: `ok: false` with the issue list), or `{ error, fieldErrors }` with the
 * AppError's status.
 */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const session = await getSession();
    if (!session) return NextResponse.json({ error: "请先登录。" }, { status: 401 });
    const { form, file } = await readUploadForm(request, MAX_FILE_BYTES);
    const text = (k: string) => {
      const v = form.get(k);
      return typeof v === "string" ? v : undefined;
    };
    const result = await importCatalogueVersion(session, {
      code: text("code") ?? "",
      name: text("name") ?? "",
      description: text("description") ?? null,
      reconstructed: /^(1|true|on|yes)$/i.test(text("reconstructed") ?? ""),
      fileName: file.name,
      bytes: Buffer.from(await file.arrayBuffer()),
    });
    return NextResponse.json(result, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    if (e instanceof AppError) return NextResponse.json({ error: e.message, fieldErrors: e.fieldErrors }, { status: e.status });
    console.error("[catalogue/import] unexpected error", e);
    return NextResponse.json({ error: "系统错误，请稍后重试；如果一再出现，请联系系统管理员。" }, { status: 500 });
  }
}
