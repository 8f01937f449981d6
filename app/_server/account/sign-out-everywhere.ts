import { actorOf, recordAudit } from "../audit/record-audit";
import type { Session } from "../auth/session";
import { endAllSessions } from "../auth/session-store";
import { db } from "../db";

/** Any user ends all of their own sessions, on every device, this one included (ASVS 7.4.4). */
export async function signOutEverywhere(session: Session): Promise<{ ended: number }> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const ended = await endAllSessions(tx, session.userId, "logout-everywhere");
    await recordAudit(tx, actorOf(session), {
      action: "auth.logout.everywhere",
      objectType: "User",
      objectId: session.userId,
      detail: { ended },
    });
    return { ended };
  });
}
