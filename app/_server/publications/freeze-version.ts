import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { notifyAudience } from "./notify";
import { buildContent, contentHash, VERSION_CONTENT_SELECT } from "./publication-content";

/**
 * Publishes a version the caller has locked and checked (publishPublication; the demo seed): freezes the region
 * part on the version and one part per audience institution, records the sheet and catalogue versions and the
 * content hash, marks the version it corrects CORRECTED and notifies the audience's users. Not a use case.
 */
export async function freezeVersion(tx: Prisma.TransactionClient, versionId: string, publisherId: string | null, now: Date) {
  const v = await tx.publicationVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { ...VERSION_CONTENT_SELECT, publicationId: true, version: true, correctionReason: true, embargoUntil: true },
  });
  const content = await buildContent(tx, v, { frozenAt: now });
  const hash = contentHash(content.built);
  await tx.publicationVersion.update({
    where: { id: v.id },
    data: {
      status: "PUBLISHED",
      publisherId,
      publishedAt: now,
      snapshot: content.built.region as unknown as Prisma.InputJsonObject,
      contentHash: hash,
      catalogueVersionId: content.catalogueVersionId,
      sheetVersionIds: content.sheetVersionIds,
    },
    select: { id: true },
  });
  const idOf = new Map(content.audience.map((a) => [a.code, a.id]));
  for (let i = 0; i < content.built.parts.length; i += 500)
    await tx.publicationPart.createMany({
      data: content.built.parts.slice(i, i + 500).map((p) => ({ versionId: v.id, institutionId: idOf.get(p.institution.code)!, data: p as unknown as Prisma.InputJsonObject })),
    });
  const corrected = await tx.publicationVersion.updateMany({
    where: { publicationId: v.publicationId, status: "PUBLISHED", version: { lt: v.version } },
    data: { status: "CORRECTED" },
  });
  await notifyAudience(tx, {
    institutionIds: content.audience.map((a) => a.id),
    kind: corrected.count ? "CORRECTED" : "PUBLISHED",
    title: corrected.count ? `更正：${v.title}` : `新发布：${v.title}`,
    body: corrected.count ? `更正原因：${v.correctionReason ?? ""}` : `${v.publication.region.name}医保数据工作组发布了${v.title}。`,
    href: `/inbox/${v.publicationId}`,
    // Embargoed: recipients are told when it lifts (the inbox shows it from then on).
    createdAt: v.embargoUntil && v.embargoUntil > now ? v.embargoUntil : now,
  });
  return { title: v.title, version: v.version, contentHash: hash, institutions: content.built.parts.length, corrected: corrected.count > 0 };
}
