import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { notFound } from "../errors";

/** The supervisor's home: the pooling regions of the province in scope (never one outside it). */
export async function getProvinceOverview(session: Session) {
  await requirePermission(session, "province.read");
  if (!session.provinceId) throw notFound("省份");
  const prisma = await db();
  const province = await prisma.province.findUnique({
    where: { id: session.provinceId },
    include: { regions: { orderBy: { code: "asc" }, include: { _count: { select: { institutions: { where: { active: true } } } } } } },
  });
  if (!province) throw notFound("省份");
  return {
    province: { code: province.code, name: province.name },
    regions: province.regions.map((r) => ({ code: r.code, name: r.name, level: r.level, institutionCount: r._count.institutions })),
  };
}
