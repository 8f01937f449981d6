import "server-only";
import { cache } from "react";
import { db } from "../db";

/**
 * An institution with its region, read once per request: the portal header (describeScope) and the hospital's
 * inbox (getOwnInstitution) both need it. Not a use case: callers check the session first.
 */
export const institutionWithRegion = cache(async (id: string) =>
  (await db()).institution.findUnique({ where: { id }, include: { region: true } }),
);
