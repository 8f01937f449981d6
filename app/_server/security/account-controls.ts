import { z } from "zod";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { endAllSessions } from "../auth/session-store";
import { db } from "../db";
import { refuseSelfChange } from "../admin/user-assignment";
import { fromZod, notFound } from "../errors";

/** The security admin's controls on other accounts (docs/product.md §2: lockouts, session termination, MFA resets). */

const targetSchema = z.object({ id: z.string().uuid("用户不存在") });

async function target(session: Session, input: unknown, self: "sessions" | "mfa" | null) {
  const parsed = targetSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: parsed.data.id } });
  if (!user) throw notFound("用户");
  if (self) await refuseSelfChange(session, user.id, self);
  return user;
}

/** Lifts a sign-in lockout now; failures before the unlock no longer count. */
export async function unlockAccount(session: Session, input: unknown, now = new Date()): Promise<void> {
  return auditFailures(session, "security.unlock", async () => {
    await requirePermission(session, "security.manage");
    const user = await target(session, input, null);
    const prisma = await db();
    await prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { lockedUntil: null, failuresCountFrom: now } });
      await recordAudit(tx, actorOf(session), {
        action: "security.unlock",
        objectType: "User",
        objectId: user.id,
        detail: { username: user.username, wasLockedUntil: user.lockedUntil?.toISOString() ?? null },
      });
    });
  });
}

/** Ends every session of another user at once (their next request is signed out). */
export async function terminateSessions(session: Session, input: unknown): Promise<{ ended: number }> {
  return auditFailures(session, "security.sessions.terminate", async () => {
    await requirePermission(session, "security.manage");
    const user = await target(session, input, "sessions");
    const prisma = await db();
    return prisma.$transaction(async (tx) => {
      const ended = await endAllSessions(tx, user.id, "terminated");
      await recordAudit(tx, actorOf(session), { action: "security.sessions.terminate", objectType: "User", objectId: user.id, detail: { username: user.username, ended } });
      return { ended };
    });
  });
}

/**
 * Removes a user's TOTP secret and recovery codes (a lost phone). It does not bypass MFA: the user must
 * enrol again at the next sign-in, whatever their role, and their sessions end now.
 */
export async function resetMfa(session: Session, input: unknown): Promise<void> {
  return auditFailures(session, "security.mfa.reset", async () => {
    await requirePermission(session, "security.manage");
    const user = await target(session, input, "mfa");
    const prisma = await db();
    await prisma.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { mfaSecret: null, mfaPendingSecret: null, mfaEnabledAt: null, mfaLastTimeStep: null, mfaEnrolRequired: true },
      });
      await tx.mfaRecoveryCode.deleteMany({ where: { userId: user.id } });
      const ended = await endAllSessions(tx, user.id, "mfa-reset");
      await recordAudit(tx, actorOf(session), { action: "security.mfa.reset", objectType: "User", objectId: user.id, detail: { username: user.username, sessionsEnded: ended } });
    });
  });
}
