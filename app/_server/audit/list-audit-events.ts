import { auditFilterSchema } from "@/app/_domain/schemas/audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { fromZod } from "../errors";
import { auditEventDto, auditWhere } from "./audit-query";
import { actorOf, recordAudit } from "./record-audit";

export const AUDIT_PAGE_LIMIT = 500;

/**
 * The audit log, newest first, filtered by time range, actor, action and result (AUDIT_ADMIN only). The query
 * itself is audited (等保: the audit administrator's own actions are recorded too).
 */
export async function listAuditEvents(session: Session, input: unknown = {}) {
  await requirePermission(session, "audit.read");
  const parsed = auditFilterSchema.safeParse(input ?? {});
  if (!parsed.success) throw fromZod(parsed.error);
  const filter = parsed.data;
  const prisma = await db();
  const where = auditWhere(filter);
  const [rows, total] = await Promise.all([
    prisma.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: AUDIT_PAGE_LIMIT }),
    prisma.auditEvent.count({ where }),
  ]);
  await prisma.$transaction((tx) =>
    recordAudit(tx, actorOf(session), { action: "audit.query", objectType: "AuditEvent", detail: { filter, total } }),
  );
  return { filter, total, limit: AUDIT_PAGE_LIMIT, events: rows.map(auditEventDto) };
}
