import { NextResponse } from "next/server";
import { getSession } from "@/app/_server/auth/current-session";
import { errorResponse, fileResponse } from "@/app/_server/http/route-helpers";
import { downloadBackup } from "@/app/_server/system/download-backup";

/** GET: a consistent backup of the embedded database (SYSTEM_ADMIN), restored with `npm run db:restore -- FILE`. */
export async function GET() {
  try {
    const session = await getSession();
    if (!session) return NextResponse.json({ error: "请先登录。" }, { status: 401 });
    return fileResponse(await downloadBackup(session));
  } catch (e) {
    return errorResponse(e, "admin/backup");
  }
}
