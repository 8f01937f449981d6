import { NextResponse } from "next/server";
import { getSession } from "@/app/_server/auth/current-session";
import { exportCatalogueVersion } from "@/app/_server/catalogue/export-catalogue-version";
import { AppError } from "@/app/_server/errors";

/** GET ?format=xlsx|csv: a catalogue version as a file (SYSTEM_ADMIN). */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const session = await getSession();
    if (!session) return NextResponse.json({ error: "请先登录。" }, { status: 401 });
    const { code } = await params;
    const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
    const file = await exportCatalogueVersion(session, { code, format });
    const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "").replace(/^_+/, "") || `catalogue.${format}`;
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="catalogue-${ascii.replace(/["\\]/g, "")}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    if (e instanceof AppError) return NextResponse.json({ error: e.message }, { status: e.status });
    console.error("[catalogue/export] unexpected error", e);
    return NextResponse.json({ error: "系统错误，请稍后重试；如果一再出现，请联系系统管理员。" }, { status: 500 });
  }
}
