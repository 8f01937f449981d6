import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { endAllSessions } from "../auth/session-store";
import { db } from "../db";
import { targetUser } from "./target-user";

/**
 * Removes a user's TOTP secret and recovery codes (a lost phone). It does not bypass MFA: the user must
 * enrol again at the next sign-in, whatever their role, and their sessions end now.
 */
export async function resetMfa(session: Session, input: unknown): Promise<void> {
  return auditFailures(session, "security.mfa.reset", async () => {
    await requirePermission(session, "security.manage");
    const user = await targetUser(session, input, "mfa");
    const prisma = await db();
    await prisma.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { mfaSecret: null, mfaPendingSecret: null, mfaEnabledAt: null, mfaLastTimeStep: null, mfaEnrolRequired: true },
      });
      await tx.mfaRecoveryCode.deleteMany({ where: { userId: user.id } });
      const ended = await endAllSessions(tx, user.id, "mfa-reset");
      await recordAudit(tx, actorOf(session), {
        action: "security.mfa.reset",
        objectType: "User",
        objectId: user.id,
        detail: { username: user.username, sessionsEnded: ended },
      });
    });
  });
}
