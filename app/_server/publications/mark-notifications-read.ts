import "server-only";
import type { Session } from "../auth/session";
import { requirePermission } from "../auth/guard";
import { db } from "../db";

/** Marks the caller's own notifications read (all when no ids). Touches nobody else's rows. */
export async function markNotificationsRead(session: Session, input: { ids?: string[] }): Promise<{ updated: number }> {
  await requirePermission(session, "notification.read");
  const prisma = await db();
  const ids = Array.isArray(input.ids) ? input.ids.map(String).slice(0, 500) : undefined;
  const { count } = await prisma.notification.updateMany({
    where: { userId: session.userId, readAt: null, createdAt: { lte: new Date() }, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { updated: count };
}
