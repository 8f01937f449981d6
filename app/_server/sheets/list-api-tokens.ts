import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { notFound } from "../errors";

/** The API tokens of the caller's region, newest first (never the token or its hash). */
export async function listApiTokens(session: Session) {
  await requirePermission(session, "sheet.upload");
  if (!session.regionId) throw notFound("统筹区");
  const prisma = await db();
  const rows = await prisma.apiToken.findMany({
    where: { regionId: session.regionId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { displayName: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdBy: r.createdBy.displayName,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}
