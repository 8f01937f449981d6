import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { notFound } from "../errors";
import { institutionWithRegion } from "./institution-with-region";

/** The hospital user's home: their own institution, from the session (never from a parameter). */
export async function getOwnInstitution(session: Session) {
  await requirePermission(session, "inbox.read");
  if (!session.institutionId) throw notFound("医疗机构");
  const i = await institutionWithRegion(session.institutionId);
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
