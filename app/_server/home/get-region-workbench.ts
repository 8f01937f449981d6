import { INSTITUTION_LEVELS, type InstitutionLevel } from "@/app/_domain/institutions";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { notFound } from "../errors";

/** The data group's home: its region (always the session's own) and the institutions it publishes to. */
export async function getRegionWorkbench(session: Session) {
  await requirePermission(session, "region.read");
  if (!session.regionId) throw notFound("统筹区");
  const prisma = await db();
  const region = await prisma.region.findUnique({
    where: { id: session.regionId },
    include: { province: true, institutions: { where: { active: true }, orderBy: { code: "asc" } } },
  });
  if (!region) throw notFound("统筹区");
  const byLevel = Object.fromEntries(INSTITUTION_LEVELS.map((l) => [l, 0])) as Record<InstitutionLevel, number>;
  for (const i of region.institutions) byLevel[i.level]++;
  const colleagues = await prisma.user.findMany({
    where: { regionId: region.id, status: "ACTIVE" },
    select: { displayName: true, roles: true },
    orderBy: { displayName: "asc" },
  });
  return {
    region: { code: region.code, name: region.name, provinceName: region.province.name, level: region.level },
    institutionCount: region.institutions.length,
    byLevel,
    institutions: region.institutions.map((i) => ({
      code: i.code,
      name: i.name,
      level: i.level,
      type: i.type,
      district: i.district,
      beds: i.beds,
    })),
    colleagues,
  };
}
