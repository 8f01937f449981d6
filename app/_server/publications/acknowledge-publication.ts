import "server-only";
import { randomUUID } from "node:crypto";
import { actorOf, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { notFound } from "../errors";
import { findVisibleVersion, requireReader } from "./publication-access";

/**
 * A hospital user confirms 确认已阅 for the newest version of a publication they may see (opening it first if
 * they had not). The institution's receipt is any of its users'. Acknowledging twice keeps the first time.
 */
export async function acknowledgePublication(session: Session, input: { id: string }): Promise<{ acknowledgedAt: string }> {
  await requirePermission(session, "publication.acknowledge");
  const reader = await requireReader(session);
  if (reader.kind !== "HOSPITAL") throw notFound("发布");
  const versionId = await findVisibleVersion(session, reader, input.id);
  const prisma = await db();
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    // One statement, so that two confirmations at once (two tabs) set one time and audit once: the row comes
    // back only when this call set acknowledgedAt; the loser of a race waits for the winner and gets nothing.
    const [set] = await tx.$queryRaw<{ acknowledgedAt: Date }[]>`
      INSERT INTO "PublicationReceipt" AS r (id, "versionId", "userId", "institutionId", "openedAt", "acknowledgedAt")
      VALUES (${randomUUID()}, ${versionId}, ${session.userId}, ${reader.institutionId}, ${now}, ${now})
      ON CONFLICT ("versionId", "userId") DO UPDATE SET "acknowledgedAt" = EXCLUDED."acknowledgedAt" WHERE r."acknowledgedAt" IS NULL
      RETURNING r."acknowledgedAt"`;
    if (!set) {
      const existing = await tx.publicationReceipt.findUniqueOrThrow({
        where: { versionId_userId: { versionId, userId: session.userId } },
        select: { acknowledgedAt: true },
      });
      return { acknowledgedAt: existing.acknowledgedAt!.toISOString() };
    }
    await recordAudit(tx, actorOf(session), { action: "publication.acknowledge", objectType: "PublicationVersion", objectId: versionId });
    return { acknowledgedAt: set.acknowledgedAt.toISOString() };
  });
}
