import { NextResponse } from "next/server";
import { exportAuditEvents } from "@/app/_server/audit/export-audit-events";
import { getSession } from "@/app/_server/auth/current-session";
import { errorResponse, fileResponse } from "@/app/_server/http/route-helpers";

/** GET ?format=csv|xlsx&from&to&actor&action&result: the filtered audit log as a file (AUDIT_ADMIN). */
export async function GET(request: Request) {
  try {
    const session = await getSession();
    if (!session) return NextResponse.json({ error: "请先登录。" }, { status: 401 });
    const q = new URL(request.url).searchParams;
    const filter = Object.fromEntries(["from", "to", "actor", "action", "result"].map((k) => [k, q.get(k) ?? undefined]));
    return fileResponse(await exportAuditEvents(session, { filter, format: q.get("format") === "csv" ? "csv" : "xlsx" }));
  } catch (e) {
    return errorResponse(e, "audit/export");
  }
}
