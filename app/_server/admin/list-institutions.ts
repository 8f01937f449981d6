import type { InstitutionLevel, InstitutionType } from "@/app/_domain/institutions";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";

export interface InstitutionDto {
  id: string;
  code: string;
  name: string;
  regionId: string;
  regionName: string;
  level: InstitutionLevel;
  type: InstitutionType;
  district: string | null;
  beds: number | null;
  designatedSince: string | null;
  active: boolean;
}

export async function listInstitutions(session: Session, filter: { regionId?: string; q?: string } = {}): Promise<InstitutionDto[]> {
  await requirePermission(session, "institution.manage");
  const prisma = await db();
  const q = filter.q?.trim();
  const rows = await prisma.institution.findMany({
    where: {
      regionId: filter.regionId || undefined,
      ...(q ? { OR: [{ name: { contains: q } }, { code: { contains: q.toUpperCase() } }] } : {}),
    },
    include: { region: { select: { name: true } } },
    orderBy: [{ region: { code: "asc" } }, { code: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    regionId: r.regionId,
    regionName: r.region.name,
    level: r.level,
    type: r.type,
    district: r.district,
    beds: r.beds,
    designatedSince: r.designatedSince?.toISOString().slice(0, 10) ?? null,
    active: r.active,
  }));
}
