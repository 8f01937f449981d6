import { NextResponse } from "next/server";
import { apiSession } from "@/app/_server/http/api-session";
import { errorResponse } from "@/app/_server/http/route-helpers";
import { reviewSheet } from "@/app/_server/sheets/review-sheet";

/** POST { decision: "ACCEPT" | "REJECT", comment }: a reviewer's decision (a person's session, never a token). */
export async function POST(request: Request, { params }: { params: Promise<{ versionId: string }> }) {
  try {
    const session = await apiSession(request, { allowToken: false });
    if (!session) return NextResponse.json({ error: "审核须由审核员本人登录后进行。" }, { status: 401 });
    const body = await request.json().catch(() => ({}));
    const { versionId } = await params;
    return NextResponse.json(await reviewSheet(session, { ...body, versionId }));
  } catch (e) {
    return errorResponse(e, "v1/sheets review");
  }
}
