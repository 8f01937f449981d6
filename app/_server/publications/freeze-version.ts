import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { withLargeText } from "../db/large-text";
import { notifyAudience } from "./notify";
import { buildContent, contentHash, frozenTexts, partBatches, partText, VERSION_CONTENT_SELECT } from "./publication-content";

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
  // Each part is written as JSON once, as soon as it is built: the same text is hashed and stored (as text: nothing
  // queries inside a part, and parsing 5,000 parts into jsonb took PostgreSQL longer than building them).
  const content = await buildContent(tx, v, { frozenAt: now }, partText);
  const texts = frozenTexts(content.built);
  const batches = partBatches(texts, 1000);
  const hash = contentHash(texts.region, batches);
  await tx.publicationVersion.update({
    where: { id: v.id },
    data: {
      status: "PUBLISHED",
      publisherId,
      publishedAt: now,
      contentHash: hash,
      catalogueVersionId: content.catalogueVersionId,
      sheetVersionIds: content.sheetVersionIds,
    },
    select: { id: true },
  });
  // The region part and the batches reach the driver past Prisma's JSON round trip of raw parameters (large-text.ts),
  // as text parameters ($2::text::jsonb: a large text must be a text parameter).
  await withLargeText(texts.region, (region) =>
    tx.$executeRawUnsafe(`UPDATE "PublicationVersion" SET "snapshot" = $2::text::jsonb WHERE "id" = $1`, v.id, region),
  );
  const idOf = new Map(content.audience.map((a) => [a.code, a.id]));
  // A batch: the institutions' ids joined by commas, their parts' JSON by line breaks (JSON text holds none).
  for (const batch of batches)
    await withLargeText(batch.text, (parts) =>
      tx.$executeRawUnsafe(
        `INSERT INTO "PublicationPart" ("versionId", "institutionId", "content")
       SELECT $1, id, part FROM unnest(string_to_array($2, ','), string_to_array($3, E'\\n')) AS t(id, part)`,
        v.id,
        batch.codes.map((code) => idOf.get(code)!).join(","),
        parts,
      ),
    );
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
  return {
    title: v.title,
    version: v.version,
    contentHash: hash,
    institutions: content.built.parts.length,
    corrected: corrected.count > 0,
  };
}
