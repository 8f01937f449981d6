import { NextResponse } from "next/server";
import { apiSession } from "@/app/_server/http/api-session";
import { errorResponse } from "@/app/_server/http/route-helpers";
import { listPublications } from "@/app/_server/publications/list-publications";

/**
 * GET ?kind=MONTHLY_PUSH|QUARTERLY_RELEASE|TOPICAL → { publications: PublicationListItem[] }: what the caller may
 * see, as on the inbox / publications page (same use case, same authorization).
 */
export async function GET(request: Request) {
  try {
    const session = await apiSession(request);
    if (!session) return NextResponse.json({ error: "未登录或 API 令牌无效。" }, { status: 401 });
    const params = new URL(request.url).searchParams;
    const publications = await listPublications(session, { kind: params.get("kind") ?? undefined, status: params.get("status") ?? undefined });
    return NextResponse.json({ publications }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e, "v1/publications");
  }
}
