import "server-only";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { notFound } from "../errors";
import type { ReceiptsDto } from "./dto";

const min = (dates: (Date | null)[]) => dates.filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;

/**
 * Region staff: per audience institution of a published (or corrected / withdrawn) version, who opened it and
 * acknowledged it and when (each user; the institution counts from its first user), and who has not.
 */
export async function getPublicationReceipts(session: Session, input: { versionId: string }): Promise<ReceiptsDto> {
  await requirePermission(session, "region.read");
  const prisma = await db();
  const v = await prisma.publicationVersion.findFirst({
    where: { id: String(input.versionId).slice(0, 64), publication: { regionId: session.regionId ?? "" }, publishedAt: { not: null } },
    select: { id: true, publicationId: true, title: true, publishedAt: true, parts: { select: { institutionId: true } } },
  });
  if (!v) throw notFound("发布");
  const ids = v.parts.map((p) => p.institutionId);
  const [institutions, receipts] = await Promise.all([
    prisma.institution.findMany({
      where: { id: { in: ids } },
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, level: true },
    }),
    prisma.publicationReceipt.findMany({
      where: { versionId: v.id },
      select: { institutionId: true, userId: true, openedAt: true, acknowledgedAt: true },
    }),
  ]);
  const [users, reminders] = await Promise.all([
    prisma.user.findMany({
      where: { OR: [{ id: { in: receipts.map((r) => r.userId) } }, { institutionId: { in: ids } }] },
      select: { id: true, displayName: true, institutionId: true },
    }),
    prisma.notification.findMany({
      where: { kind: "REMINDER", href: `/inbox/${v.publicationId}` },
      select: { userId: true, createdAt: true },
    }),
  ]);
  const nameOf = new Map(users.map((u) => [u.id, u.displayName]));
  const institutionOf = new Map(users.map((u) => [u.id, u.institutionId]));
  const rows = institutions.map((i) => {
    const mine = receipts.filter((r) => r.institutionId === i.id);
    const openedAt = min(mine.map((r) => r.openedAt));
    const acknowledgedAt = min(mine.map((r) => r.acknowledgedAt));
    const reminded =
      reminders
        .filter((r) => institutionOf.get(r.userId) === i.id)
        .map((r) => r.createdAt)
        .sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    return {
      code: i.code,
      name: i.name,
      level: i.level,
      openedAt: openedAt?.toISOString() ?? null,
      acknowledgedAt: acknowledgedAt?.toISOString() ?? null,
      users: mine.map((r) => ({
        name: nameOf.get(r.userId) ?? "",
        openedAt: r.openedAt.toISOString(),
        acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
      })),
      lastRemindedAt: reminded?.toISOString() ?? null,
    };
  });
  // Not yet acknowledged first, so the data group sees whom to remind.
  rows.sort((a, b) => Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null) || (a.code < b.code ? -1 : 1));
  return {
    publicationId: v.publicationId,
    versionId: v.id,
    title: v.title,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    audience: rows.length,
    opened: rows.filter((r) => r.openedAt).length,
    acknowledged: rows.filter((r) => r.acknowledgedAt).length,
    institutions: rows,
  };
}
