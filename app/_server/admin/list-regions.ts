import type { Session } from "../auth/session";
import { requirePermission } from "../auth/guard";
import { db } from "../db";

export interface RegionDto {
  id: string;
  code: string;
  name: string;
  level: "CITY" | "COUNTY";
  provinceId: string;
  provinceName: string;
  parentId: string | null;
  parentName: string | null;
  active: boolean;
  institutionCount: number;
  userCount: number;
}

/** All regions with their counts (SYSTEM_ADMIN; also the option lists of the institution and user forms). */
export async function listRegions(session: Session): Promise<RegionDto[]> {
  await requirePermission(session, "region.manage");
  const prisma = await db();
  const rows = await prisma.region.findMany({
    include: { province: true, parent: true, _count: { select: { institutions: true, users: true } } },
    orderBy: { code: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    provinceId: r.provinceId,
    provinceName: r.province.name,
    parentId: r.parentId,
    parentName: r.parent?.name ?? null,
    active: r.active,
    institutionCount: r._count.institutions,
    userCount: r._count.users,
  }));
}
