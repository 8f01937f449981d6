import { auditTimeRange, type AuditFilter } from "@/app/_domain/schemas/audit";
import type { Prisma } from "../generated/prisma/client";

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
export function auditEventDto(r: {
  id: bigint;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRoles: string | null;
  scope: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: "SUCCESS" | "FAILURE" | "DENIED";
  detail: unknown;
  hash: string;
}) {
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
