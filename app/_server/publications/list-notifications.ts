import "server-only";
import type { Session } from "../auth/session";
import { requirePermission } from "../auth/guard";
import { db } from "../db";
import type { NotificationDto } from "./dto";

/**
 * The caller's in-app notifications, newest first (at most 50). Only the caller's own; every role
 * may (notification.read), a session with a pending step may not. An embargoed publication's notice appears when the embargo lifts.
 */
export async function listNotifications(session: Session, input: { unreadOnly?: boolean } = {}): Promise<NotificationDto[]> {
  await requirePermission(session, "notification.read");
  const prisma = await db();
  const rows = await prisma.notification.findMany({
    where: { userId: session.userId, createdAt: { lte: new Date() }, ...(input.unreadOnly ? { readAt: null } : {}) },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind as NotificationDto["kind"],
    title: n.title,
    body: n.body,
    href: n.href,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  }));
}
