import { createHash } from "node:crypto";
import { canonicalJson } from "@/app/_domain/canonical-json";
import type { Prisma } from "../generated/prisma/client";
import type { Session } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";

/**
 * Appends an audit event inside the caller's transaction, so the event and the change it records commit or
 * roll back together. Rows are hash-chained: hash = SHA-256(previous hash + canonical JSON of the row); a
 * transaction-scoped advisory lock serialises writers so the chain never forks.
 */
export type AuditTx = Prisma.TransactionClient;

export interface AuditInput {
  action: string;
  result?: "SUCCESS" | "FAILURE" | "DENIED";
  objectType?: string;
  objectId?: string;
  detail?: Record<string, unknown>;
}

const CHAIN_LOCK_KEY = 4_201_001;

export interface Actor {
  userId?: string | null;
  username?: string | null;
  roles?: readonly string[];
  scope?: string | null;
  ip?: string | null;
  requestId?: string | null;
}

export function actorOf(s: Session): Actor {
  return {
    userId: s.userId,
    username: s.username,
    roles: s.roles,
    scope: s.institutionId
      ? `institution:${s.institutionId}`
      : s.regionId
        ? `region:${s.regionId}`
        : s.provinceId
          ? `province:${s.provinceId}`
          : null,
    ip: s.ip,
    requestId: s.requestId,
  };
}

export function auditHash(prevHash: string | null, row: Record<string, unknown>): string {
  return createHash("sha256")
    .update(prevHash ?? "")
    .update(canonicalJson(row))
    .digest("hex");
}

/** The stored fields of an event, as hashed: recordAudit writes them, the chain check (audit-chain.ts) re-reads them. */
export interface HashedAuditFields {
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
}

export function hashableAuditRow(r: HashedAuditFields) {
  return {
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
    detail: r.detail ?? null,
  };
}

export async function recordAudit(tx: AuditTx, actor: Actor, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const at = new Date();
  const row = hashableAuditRow({
    at,
    actorId: actor.userId ?? null,
    actorName: actor.username ?? null,
    actorRoles: actor.roles?.join(",") || null,
    scope: actor.scope ?? null,
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
    action: input.action,
    objectType: input.objectType ?? null,
    objectId: input.objectId ?? null,
    result: input.result ?? "SUCCESS",
    detail: input.detail ?? null,
  });
  const prevHash = last?.hash ?? null;
  await tx.auditEvent.create({
    data: { ...row, at, detail: (row.detail ?? undefined) as Prisma.InputJsonObject | undefined, prevHash, hash: auditHash(prevHash, row) },
  });
}

/**
 * Runs a use case's body; a refusal (bad input, a conflict, a missing object) is audited as FAILURE with its
 * message and rethrown, so wrong files, numbers and users leave a trace but change nothing. (A permission
 * denial is audited by the guard itself.)
 */
export async function auditFailures<T>(session: Session, action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError && e.code !== "FORBIDDEN") {
      const prisma = await db();
      await prisma.$transaction((tx) =>
        recordAudit(tx, actorOf(session), { action, result: "FAILURE", detail: { code: e.code, message: e.message.slice(0, 500) } }),
      );
    }
    throw e;
  }
}
