import { NextResponse } from "next/server";
import { getSession } from "@/app/_server/auth/current-session";
import { errorResponse, fileResponse } from "@/app/_server/http/route-helpers";
import { tableFile } from "@/app/_server/http/table-file";
import { exportPublication } from "@/app/_server/publications/export-publication";

/**
 * GET ?format=csv|xlsx[&version=n][&institution=CODE]: exactly what the caller sees of the publication (same
 * access as the page: anything it may not see is 404 with no data), suppressed cells kept suppressed.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const session = await getSession();
    if (!session) return NextResponse.json({ error: "请先登录。" }, { status: 401 });
    const q = new URL(request.url).searchParams;
    const format = q.get("format") === "csv" ? "csv" : "xlsx";
    const version = q.get("version");
    const table = await exportPublication(session, {
      id: (await params).id,
      version: version && /^\d{1,6}$/.test(version) ? Number(version) : undefined,
      institutionCode: q.get("institution") ?? undefined,
    });
    return fileResponse(await tableFile(table, format));
  } catch (e) {
    return errorResponse(e, "publications/export");
  }
}
