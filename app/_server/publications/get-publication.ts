import "server-only";
import { randomUUID } from "node:crypto";
import { expandPart } from "@/app/_domain/publications/part-format";
import {
  KIND_LABELS,
  type FrozenRegionPart,
  type InstitutionPart,
  type PublicationKind,
  type PublicationStatus,
  type PublicationView,
  type StoredPart,
} from "@/app/_domain/publications/types";
import { sectionsFor } from "@/app/_domain/publications/views";
import { actorOf, recordAudit } from "../audit/record-audit";
import type { Session } from "../auth/session";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { buildContent, VERSION_CONTENT_SELECT } from "./publication-content";
import { frozenRegionPart } from "./frozen-region-cache";
import { denied, requireReader, visibleVersionsSql, type Reader } from "./publication-access";

/**
 * One publication as the caller may see it (publication-access.ts): a published version from its frozen
 * snapshot (the region part and the caller's own part only), a draft (staff) built live from the current metrics
 * exactly as publishing would freeze it. Staff and supervisors may look at one institution's 本院 part with
 * `institutionCode`; a hospital user always gets its own and nothing else. A hospital user's first opening is
 * recorded as its receipt (audited).
 */
export async function getPublication(
  session: Session,
  input: { id: string; version?: number; institutionCode?: string },
): Promise<PublicationView> {
  const reader = await requireReader(session);
  const prisma = await db();
  const v = await visibleHead(session, reader, input.id, input.version);

  let region: FrozenRegionPart;
  let part: InstitutionPart | null = null;
  if (v.contentHash !== null) {
    const institutionId =
      reader.kind === "HOSPITAL"
        ? reader.institutionId
        : input.institutionCode
          ? (
              await prisma.institution.findFirst({
                where: { code: String(input.institutionCode).slice(0, 20), regionId: v.regionId },
                select: { id: true },
              })
            )?.id
          : undefined;
    const [frozenRegion, row] = await Promise.all([
      frozenRegionPart(prisma, v.id, v.contentHash),
      institutionId
        ? prisma.publicationPart.findUnique({
            where: { versionId_institutionId: { versionId: v.id, institutionId } },
            select: { data: true, content: true },
          })
        : null,
    ]);
    if (institutionId && !row && reader.kind === "HOSPITAL") await denied(session, input.id);
    region = frozenRegion;
    // Format 1 parts are jsonb (`data`), format 2 parts JSON text (`content`): part-format.ts.
    part = row ? expandPart(region, (row.data ?? JSON.parse(row.content!)) as StoredPart) : null;
  } else {
    // Only staff reach drafts (visibleVersions); a live preview of one institution at most.
    const content = await prisma.publicationVersion.findUniqueOrThrow({ where: { id: v.id }, select: VERSION_CONTENT_SELECT });
    const built = (await buildContent(prisma, content, { only: input.institutionCode ? [String(input.institutionCode)] : [] })).built;
    region = built.region;
    part = built.parts[0] ? expandPart(region, built.parts[0]) : null;
  }

  const receipt =
    reader.kind !== "HOSPITAL"
      ? null
      : v.openedAt
        ? { openedAt: v.openedAt.toISOString(), acknowledgedAt: v.acknowledgedAt?.toISOString() ?? null }
        : await recordOpening(session, v.id, reader.institutionId);
  return {
    id: v.publicationId,
    versionId: v.id,
    version: v.version,
    kind: v.kind,
    kindLabel: KIND_LABELS[v.kind],
    title: region.title,
    period: region.period,
    region: region.region,
    status: v.status,
    peerMode: region.peerMode,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    correctedBy: v.status === "CORRECTED" && v.nextId ? { versionId: v.nextId, version: v.version + 1, reason: v.nextReason ?? "" } : null,
    corrects: v.prevId && v.correctionReason ? { versionId: v.prevId, version: v.version - 1, reason: v.correctionReason } : null,
    contentHash: v.contentHash,
    catalogue: region.catalogue,
    sheetVersions: region.sheetVersions,
    institution: part?.institution ?? null,
    sections: sectionsFor(region, part, v.id),
    receipt,
  };
}

interface Head {
  id: string;
  publicationId: string;
  version: number;
  status: PublicationStatus;
  publishedAt: Date | null;
  correctionReason: string | null;
  contentHash: string | null;
  kind: PublicationKind;
  regionId: string;
  /** The versions before and after (corrections link to each other). */
  prevId: string | null;
  nextId: string | null;
  nextReason: string | null;
  /** The caller's own receipt. */
  openedAt: Date | null;
  acknowledgedAt: Date | null;
}

/**
 * The version a reader asked for (a number) or the newest they may see, with its neighbours and the caller's
 * receipt, in one query (the dashboard is opened by every hospital on the release morning); "not found"
 * (audited) otherwise. The same condition as findVisibleVersion (visibleVersionsSql ≡ visibleVersions).
 */
async function visibleHead(session: Session, reader: Reader, publicationId: string, version?: number): Promise<Head> {
  const prisma = await db();
  const id = String(publicationId).slice(0, 64);
  const [head] = await prisma.$queryRaw<Head[]>`
    SELECT v.id, v."publicationId", v.version, v.status::text AS status, v."publishedAt", v."correctionReason",
           v."contentHash", p.kind::text AS kind, p."regionId", pv.id AS "prevId", nx.id AS "nextId",
           nx."correctionReason" AS "nextReason", rc."openedAt", rc."acknowledgedAt"
      FROM "PublicationVersion" v
      JOIN "Publication" p ON p.id = v."publicationId"
      JOIN "Region" r ON r.id = p."regionId"
      LEFT JOIN "PublicationVersion" pv ON pv."publicationId" = v."publicationId" AND pv.version = v.version - 1
      LEFT JOIN "PublicationVersion" nx ON nx."publicationId" = v."publicationId" AND nx.version = v.version + 1
      LEFT JOIN "PublicationReceipt" rc ON rc."versionId" = v.id AND rc."userId" = ${session.userId}
     WHERE ${visibleVersionsSql(reader, new Date())} AND v."publicationId" = ${id}
           ${version !== undefined && Number.isInteger(version) ? Prisma.sql`AND v.version = ${version}` : Prisma.empty}
     ORDER BY v.version DESC
     LIMIT 1`;
  if (!head) await denied(session, id);
  return head;
}

/**
 * The first opening of a version by a hospital user (visibleHead found no receipt). Two openings at once (two
 * tabs, a double click) both get here: the insert that loses waits for the winner and inserts nothing, so the
 * receipt keeps the first time and only the first opening is audited.
 */
async function recordOpening(session: Session, versionId: string, institutionId: string) {
  const prisma = await db();
  const row = await prisma.$transaction(async (tx) => {
    const [inserted] = await tx.$queryRaw<Receipt[]>`
      INSERT INTO "PublicationReceipt" (id, "versionId", "userId", "institutionId", "openedAt")
      VALUES (${randomUUID()}, ${versionId}, ${session.userId}, ${institutionId}, ${new Date()})
      ON CONFLICT ("versionId", "userId") DO NOTHING
      RETURNING "openedAt", "acknowledgedAt"`;
    if (!inserted)
      return tx.publicationReceipt.findUniqueOrThrow({
        where: { versionId_userId: { versionId, userId: session.userId } },
        select: { openedAt: true, acknowledgedAt: true },
      });
    await recordAudit(tx, actorOf(session), { action: "publication.open", objectType: "PublicationVersion", objectId: versionId });
    return inserted;
  });
  return { openedAt: row.openedAt.toISOString(), acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null };
}

type Receipt = { openedAt: Date; acknowledgedAt: Date | null };
