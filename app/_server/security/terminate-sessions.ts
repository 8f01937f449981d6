import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { endAllSessions } from "../auth/session-store";
import { db } from "../db";
import { targetUser } from "./target-user";

/** Ends every session of another user at once (their next request is signed out). */
export async function terminateSessions(session: Session, input: unknown): Promise<{ ended: number }> {
  return auditFailures(session, "security.sessions.terminate", async () => {
    await requirePermission(session, "security.manage");
    const user = await targetUser(session, input, "sessions");
    const prisma = await db();
    return prisma.$transaction(async (tx) => {
      const ended = await endAllSessions(tx, user.id, "terminated");
      await recordAudit(tx, actorOf(session), {
        action: "security.sessions.terminate",
        objectType: "User",
        objectId: user.id,
        detail: { username: user.username, ended },
      });
      return { ended };
    });
  });
}
