import "server-only";
import { expandPart } from "@/app/_domain/publications/part-format";
import {
  KIND_LABELS,
  type FrozenRegionPart,
  type InstitutionPart,
  type PublicationView,
  type StoredPart,
} from "@/app/_domain/publications/types";
import { sectionsFor } from "@/app/_domain/publications/views";
import { actorOf, recordAudit } from "../audit/record-audit";
import type { Session } from "../auth/session";
import { db } from "../db";
import { buildContent, VERSION_CONTENT_SELECT } from "./publication-content";
import { frozenRegionPart } from "./frozen-region-cache";
import { denied, findVisibleVersion, requireReader } from "./publication-access";

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
  const versionId = await findVisibleVersion(session, reader, input.id, input.version);
  const prisma = await db();
  const v = await prisma.publicationVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: {
      ...VERSION_CONTENT_SELECT,
      publicationId: true,
      version: true,
      status: true,
      publishedAt: true,
      correctionReason: true,
      contentHash: true,
    },
  });
  const others = await prisma.publicationVersion.findMany({
    where: { publicationId: v.publicationId, version: { in: [v.version - 1, v.version + 1] } },
    select: { id: true, version: true, status: true, correctionReason: true },
  });

  let region: FrozenRegionPart;
  let part: InstitutionPart | null = null;
  if (v.contentHash !== null) {
    const institutionId =
      reader.kind === "HOSPITAL"
        ? reader.institutionId
        : input.institutionCode
          ? (
              await prisma.institution.findFirst({
                where: { code: String(input.institutionCode).slice(0, 20), regionId: v.publication.region.id },
                select: { id: true },
              })
            )?.id
          : undefined;
    const [frozenRegion, row] = await Promise.all([
      frozenRegionPart(prisma, versionId, v.contentHash),
      institutionId
        ? prisma.publicationPart.findUnique({
            where: { versionId_institutionId: { versionId, institutionId } },
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
    const built = (await buildContent(prisma, v, { only: input.institutionCode ? [String(input.institutionCode)] : [] })).built;
    region = built.region;
    part = built.parts[0] ? expandPart(region, built.parts[0]) : null;
  }

  const receipt = reader.kind === "HOSPITAL" ? await recordOpening(session, versionId, reader.institutionId) : null;
  const next = others.find((o) => o.version === v.version + 1);
  const prev = others.find((o) => o.version === v.version - 1);
  return {
    id: v.publicationId,
    versionId,
    version: v.version,
    kind: v.publication.kind,
    kindLabel: KIND_LABELS[v.publication.kind],
    title: region.title,
    period: region.period,
    region: region.region,
    status: v.status,
    peerMode: region.peerMode,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    correctedBy:
      v.status === "CORRECTED" && next ? { versionId: next.id, version: next.version, reason: next.correctionReason ?? "" } : null,
    corrects: prev && v.correctionReason ? { versionId: prev.id, version: prev.version, reason: v.correctionReason } : null,
    contentHash: v.contentHash,
    catalogue: region.catalogue,
    sheetVersions: region.sheetVersions,
    institution: part?.institution ?? null,
    sections: sectionsFor(region, part, versionId),
    receipt,
  };
}

/** The first opening of a version by a hospital user (later openings keep the first time). */
async function recordOpening(session: Session, versionId: string, institutionId: string) {
  const prisma = await db();
  const existing = await prisma.publicationReceipt.findUnique({
    where: { versionId_userId: { versionId, userId: session.userId } },
    select: { openedAt: true, acknowledgedAt: true },
  });
  if (existing) return { openedAt: existing.openedAt.toISOString(), acknowledgedAt: existing.acknowledgedAt?.toISOString() ?? null };
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.publicationReceipt.upsert({
      where: { versionId_userId: { versionId, userId: session.userId } },
      create: { versionId, userId: session.userId, institutionId },
      update: {},
      select: { openedAt: true, acknowledgedAt: true },
    });
    await recordAudit(tx, actorOf(session), { action: "publication.open", objectType: "PublicationVersion", objectId: versionId });
    return row;
  });
  return { openedAt: created.openedAt.toISOString(), acknowledgedAt: created.acknowledgedAt?.toISOString() ?? null };
}
