import "server-only";
import { can } from "@/app/_domain/permissions";
import { actorOf, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { notFound } from "../errors";
import { Prisma } from "../generated/prisma/client";

/**
 * Who may read publications, and which versions (not a use case: the read use cases call it first).
 * - Region staff (region.read): every version of their region's publications, drafts included.
 * - Hospital users (inbox.read): published (or later corrected) versions, embargo lifted, whose audience holds
 *   their institution — exactly the versions with a frozen part for it. Never drafts, withdrawn versions, other
 *   institutions' parts or other regions.
 * - Supervisors (published.read): published (or corrected) versions of their province's regions, embargo lifted.
 * Anything else is "not found" (audited), whether or not it exists.
 */
export type Reader =
  { kind: "STAFF"; regionId: string } | { kind: "HOSPITAL"; institutionId: string } | { kind: "SUPERVISOR"; provinceId: string };

export async function requireReader(session: Session): Promise<Reader> {
  if (can(session.roles, "region.read") && session.regionId) {
    await requirePermission(session, "region.read");
    return { kind: "STAFF", regionId: session.regionId };
  }
  if (can(session.roles, "inbox.read") && session.institutionId) {
    await requirePermission(session, "inbox.read");
    return { kind: "HOSPITAL", institutionId: session.institutionId };
  }
  if (can(session.roles, "published.read") && session.provinceId) {
    await requirePermission(session, "published.read");
    return { kind: "SUPERVISOR", provinceId: session.provinceId };
  }
  await requirePermission(session, "inbox.read"); // refuses and audits
  throw notFound("发布");
}

/** The condition on PublicationVersion rows a reader may see. */
export function visibleVersions(reader: Reader, now: Date): Prisma.PublicationVersionWhereInput {
  if (reader.kind === "STAFF") return { publication: { regionId: reader.regionId } };
  const released: Prisma.PublicationVersionWhereInput = {
    status: { in: ["PUBLISHED", "CORRECTED"] },
    publishedAt: { not: null },
    OR: [{ embargoUntil: null }, { embargoUntil: { lte: now } }],
  };
  if (reader.kind === "HOSPITAL") return { ...released, parts: { some: { institutionId: reader.institutionId } } };
  return { ...released, publication: { region: { provinceId: reader.provinceId } } };
}

/**
 * visibleVersions as a SQL condition, for a query over "PublicationVersion" v joined with its "Publication" p
 * and that publication's "Region" r (the list reads everything in one query). The same rule:
 * test/integration/publications.test.ts checks that both select the same versions for every reader.
 */
export function visibleVersionsSql(reader: Reader, now: Date): Prisma.Sql {
  if (reader.kind === "STAFF") return Prisma.sql`p."regionId" = ${reader.regionId}`;
  const released = Prisma.sql`v.status IN ('PUBLISHED', 'CORRECTED') AND v."publishedAt" IS NOT NULL
    AND (v."embargoUntil" IS NULL OR v."embargoUntil" <= ${now})`;
  if (reader.kind === "HOSPITAL")
    return Prisma.sql`${released} AND EXISTS (SELECT 1 FROM "PublicationPart" pp WHERE pp."versionId" = v.id AND pp."institutionId" = ${reader.institutionId})`;
  return Prisma.sql`${released} AND r."provinceId" = ${reader.provinceId}`;
}

/** The version a reader asked for (a number) or the newest they may see; "not found" (audited) otherwise. */
export async function findVisibleVersion(session: Session, reader: Reader, publicationId: string, version?: number) {
  const prisma = await db();
  const where: Prisma.PublicationVersionWhereInput = {
    ...visibleVersions(reader, new Date()),
    publicationId: String(publicationId).slice(0, 64),
    ...(version !== undefined && Number.isInteger(version) ? { version } : {}),
  };
  const found = await prisma.publicationVersion.findFirst({ where, orderBy: { version: "desc" }, select: { id: true } });
  if (!found) await denied(session, publicationId);
  return found!.id;
}

export async function denied(session: Session, objectId: string): Promise<never> {
  const prisma = await db();
  await prisma.$transaction((tx) =>
    recordAudit(tx, actorOf(session), {
      action: "access.denied",
      result: "DENIED",
      objectType: "Publication",
      objectId: String(objectId).slice(0, 64),
    }),
  );
  throw notFound("发布");
}
