import { NextResponse } from "next/server";
import { institutionImportTemplate } from "@/app/_server/admin/institution-import-template";
import { getSession } from "@/app/_server/auth/current-session";
import { AppError } from "@/app/_server/errors";

/** GET: the .xlsx import template for institutions (SYSTEM_ADMIN). */
export async function GET() {
  try {
    const session = await getSession();
    if (!session) return NextResponse.json({ error: "请先登录。" }, { status: 401 });
    const { fileName, bytes } = await institutionImportTemplate(session);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="institution-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    if (e instanceof AppError) return NextResponse.json({ error: e.message }, { status: e.status });
    console.error("[institutions/template] unexpected error", e);
    return NextResponse.json({ error: "系统错误，请稍后重试；如果一再出现，请联系系统管理员。" }, { status: 500 });
  }
}
