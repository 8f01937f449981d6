import { NextResponse } from "next/server";
import { getSession } from "@/app/_server/auth/current-session";
import { errorResponse, fileResponse } from "@/app/_server/http/route-helpers";
import { downloadSheetOriginal } from "@/app/_server/sheets/download-sheet-file";

export async function GET(_: Request, { params }: { params: Promise<{ versionId: string }> }) {
  try {
    const session = await getSession();
    if (!session) return NextResponse.json({ error: "请先登录。" }, { status: 401 });
    return fileResponse(await downloadSheetOriginal(session, (await params).versionId));
  } catch (e) {
    return errorResponse(e, "sheets/original");
  }
}
