import { can, type Permission } from "@/app/_domain/permissions";
import { actorOf, recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { forbidden } from "../errors";
import type { Session } from "./session";

/**
 * The guard every use case calls first. A session with a pending step (password change, MFA enrolment) is
 * refused whatever its roles. A denial is audited and throws FORBIDDEN, which pages turn into
 * a 404 so that a probing user learns nothing about what exists. Scope rules that build on it live beside it
 * (readable-region.ts); test/integration/permission-matrix.test.ts checks that every use case reaches it.
 */
export async function requirePermission(session: Session, permission: Permission, objectId?: string): Promise<void> {
  // A user who still has to change their password or enrol MFA may do that and nothing else.
  if (can(session.roles, permission) && !session.pending) return;
  await recordDenial(session, permission, objectId);
  throw forbidden();
}

/** The audit row of a refusal (the caller throws). */
export async function recordDenial(session: Session, objectType: string, objectId?: string): Promise<void> {
  const prisma = await db();
  await prisma.$transaction((tx) =>
    recordAudit(tx, actorOf(session), {
      action: "access.denied",
      result: "DENIED",
      objectType,
      objectId,
      ...(session.pending ? { detail: { pending: session.pending } } : {}),
    }),
  );
}
