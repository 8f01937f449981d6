import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";

export async function getAdminOverview(session: Session) {
  await requirePermission(session, "region.manage");
  const prisma = await db();
  const [provinces, regions, institutions, activeInstitutions, users, disabledUsers] = await Promise.all([
    prisma.province.count(),
    prisma.region.count(),
    prisma.institution.count(),
    prisma.institution.count({ where: { active: true } }),
    prisma.user.count(),
    prisma.user.count({ where: { status: "DISABLED" } }),
  ]);
  return { provinces, regions, institutions, activeInstitutions, users, disabledUsers };
}
