import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { notFound } from "../errors";

/** The hospital user's home: their own institution, from the session (never from a parameter). */
export async function getOwnInstitution(session: Session) {
  await requirePermission(session, "inbox.read");
  if (!session.institutionId) throw notFound("医疗机构");
  const prisma = await db();
  const i = await prisma.institution.findUnique({ where: { id: session.institutionId }, include: { region: true } });
  if (!i) throw notFound("医疗机构");
  return {
    code: i.code,
    name: i.name,
    level: i.level,
    type: i.type,
    district: i.district,
    beds: i.beds,
    regionName: i.region.name,
    regionCode: i.region.code,
  };
}
