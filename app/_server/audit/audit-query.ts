import { auditTimeRange, type AuditFilter } from "@/app/_domain/schemas/audit";
import type { Prisma } from "../generated/prisma/client";
import type { HashedAuditFields } from "./record-audit";

/** The WHERE clause for the audit log's filters (shared by the page and the export). */
export function auditWhere(f: AuditFilter): Prisma.AuditEventWhereInput {
  const at = auditTimeRange(f);
  return {
    at: at.gte || at.lt ? at : undefined,
    action: f.action ? { startsWith: f.action } : undefined,
    OR: f.actor ? [{ actorName: { contains: f.actor, mode: "insensitive" } }, { actorId: f.actor }] : undefined,
    result: f.result,
  };
}

/** One event as the page and the exports show it. */
export function auditEventDto(r: HashedAuditFields & { id: bigint; hash: string }) {
  return {
    id: r.id.toString(),
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    actorRoles: r.actorRoles,
    scope: r.scope,
    ip: r.ip,
    requestId: r.requestId,
    action: r.action,
    objectType: r.objectType,
    objectId: r.objectId,
    result: r.result,
    detail: r.detail === null || r.detail === undefined ? null : JSON.stringify(r.detail),
    hash: r.hash,
  };
}
export type AuditEventDto = ReturnType<typeof auditEventDto>;
