import { auditFilterSchema } from "@/app/_domain/schemas/audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { fromZod } from "../errors";
import { auditEventDto, auditWhere } from "./audit-query";
import { actorOf, recordAudit } from "./record-audit";

/** Events on one page of the log: the log grows forever (nothing is deleted), so the server pages it. */
export const AUDIT_PAGE_SIZE = 20;

/**
 * One page of the audit log, newest first, filtered by time range, actor, action and result (AUDIT_ADMIN only).
 * `page` counts from 1; a page past the end is the last page. `upTo` (the newest event id when the first page was
 * read, returned with every page) keeps the pages of one reading fixed while the log grows — not least by the
 * reading itself. The query itself is audited (等保: the audit administrator's own actions are recorded too).
 */
export async function listAuditEvents(session: Session, input: unknown = {}, paging: { page?: number; upTo?: string } = {}) {
  await requirePermission(session, "audit.read");
  const parsed = auditFilterSchema.safeParse(input ?? {});
  if (!parsed.success) throw fromZod(parsed.error);
  const filter = parsed.data;
  const prisma = await db();
  const upTo = /^\d{1,18}$/.test(paging.upTo ?? "")
    ? BigInt(paging.upTo!)
    : ((await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n);
  const where = { AND: [auditWhere(filter), { id: { lte: upTo } }] };
  const total = await prisma.auditEvent.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(Number(paging.page)) || 1), pages);
  const rows = await prisma.auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  await prisma.$transaction((tx) =>
    recordAudit(tx, actorOf(session), { action: "audit.query", objectType: "AuditEvent", detail: { filter, total, page } }),
  );
  return { filter, total, page, pageSize: AUDIT_PAGE_SIZE, upTo: upTo.toString(), events: rows.map(auditEventDto) };
}
