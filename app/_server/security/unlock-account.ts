import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { targetUser } from "./target-user";

/** Lifts a sign-in lockout now; failures before the unlock no longer count. */
export async function unlockAccount(session: Session, input: unknown, now = new Date()): Promise<void> {
  return auditFailures(session, "security.unlock", async () => {
    await requirePermission(session, "security.manage");
    const user = await targetUser(session, input, null);
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
