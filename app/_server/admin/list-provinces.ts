import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";

export interface ProvinceDto {
  id: string;
  code: string;
  name: string;
}

/** The provinces, for the option lists of the region and user forms (SYSTEM_ADMIN). */
export async function listProvinces(session: Session): Promise<ProvinceDto[]> {
  await requirePermission(session, "region.manage");
  const prisma = await db();
  return prisma.province.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: "asc" } });
}
