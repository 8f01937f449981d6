import "server-only";
import { cache } from "react";
import type { InstitutionSummary } from "@/app/_domain/institutions";
import { db } from "../db";

/**
 * An institution with its region's name and code, read once per request and in one query: the portal header
 * (describeScope) and the hospital's inbox (getOwnInstitution) both need it. Not a use case: callers check the
 * session first.
 */
export const institutionWithRegion = cache(async (id: string) => {
  const [row] = await (
    await db()
  ).$queryRaw<(InstitutionSummary & { regionName: string; regionCode: string })[]>`
    SELECT i.code, i.name, i.level::text AS level, i.type::text AS type, i.district, i.beds,
           r.name AS "regionName", r.code AS "regionCode"
      FROM "Institution" i JOIN "Region" r ON r.id = i."regionId"
     WHERE i.id = ${id}`;
  if (!row) return null;
  const { regionName, regionCode, ...institution } = row;
  return { ...institution, region: { name: regionName, code: regionCode } };
});
