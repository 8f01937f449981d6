import { NextResponse } from "next/server";
import { apiSession } from "@/app/_server/http/api-session";
import { errorResponse } from "@/app/_server/http/route-helpers";
import { getPublication } from "@/app/_server/publications/get-publication";

/**
 * GET ?version=n&institution=CODE → PublicationView: the snapshot as the caller may see it (the dashboard's
 * use case). A hospital gets the region part and its own 本院 part; anything it may not see is 404 with no data.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const session = await apiSession(request);
    if (!session) return NextResponse.json({ error: "未登录或 API 令牌无效。" }, { status: 401 });
    const { id } = await params;
    const search = new URL(request.url).searchParams;
    const version = search.get("version");
    const view = await getPublication(session, {
      id,
      ...(version && /^\d{1,6}$/.test(version) ? { version: Number(version) } : {}),
      ...(search.get("institution") ? { institutionCode: search.get("institution")! } : {}),
    });
    return NextResponse.json(view, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e, "v1/publications/id");
  }
}
