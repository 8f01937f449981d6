import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";

export interface AuditFilter {
  action?: string;
  actor?: string;
  result?: "SUCCESS" | "FAILURE" | "DENIED";
  take?: number;
}

/** The audit log, newest first (AUDIT_ADMIN only). */
export async function listAuditEvents(session: Session, filter: AuditFilter = {}) {
  await requirePermission(session, "audit.read");
  const prisma = await db();
  const rows = await prisma.auditEvent.findMany({
    where: {
      action: filter.action ? { startsWith: filter.action } : undefined,
      actorName: filter.actor ? { contains: filter.actor } : undefined,
      result: filter.result,
    },
    orderBy: { id: "desc" },
    take: Math.min(filter.take ?? 200, 1000),
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.at.toISOString(),
    actorName: r.actorName,
    actorRoles: r.actorRoles,
    ip: r.ip,
    action: r.action,
    objectType: r.objectType,
    objectId: r.objectId,
    result: r.result,
    requestId: r.requestId,
  }));
}
