import "server-only";
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
  return prisma.$transaction(async (tx) => {
    const existing = await tx.publicationReceipt.findUnique({
      where: { versionId_userId: { versionId, userId: session.userId } },
      select: { acknowledgedAt: true },
    });
    if (existing?.acknowledgedAt) return { acknowledgedAt: existing.acknowledgedAt.toISOString() };
    const now = new Date();
    await tx.publicationReceipt.upsert({
      where: { versionId_userId: { versionId, userId: session.userId } },
      create: { versionId, userId: session.userId, institutionId: reader.institutionId, openedAt: now, acknowledgedAt: now },
      update: { acknowledgedAt: now },
      select: { id: true },
    });
    await recordAudit(tx, actorOf(session), { action: "publication.acknowledge", objectType: "PublicationVersion", objectId: versionId });
    return { acknowledgedAt: now.toISOString() };
  });
}
