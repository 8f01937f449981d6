import { NextResponse } from "next/server";
import { getSession } from "@/app/_server/auth/current-session";
import { errorResponse, fileResponse } from "@/app/_server/http/route-helpers";
import { downloadSheetTemplate } from "@/app/_server/sheets/download-sheet-template";

/** GET ?period=YYYY-MM: the region's xlsx template for that month. */
export async function GET(request: Request) {
  try {
    const session = await getSession();
    if (!session) return NextResponse.json({ error: "请先登录。" }, { status: 401 });
    return fileResponse(await downloadSheetTemplate(session, { period: new URL(request.url).searchParams.get("period") ?? "" }));
  } catch (e) {
    return errorResponse(e, "sheets/template");
  }
}
