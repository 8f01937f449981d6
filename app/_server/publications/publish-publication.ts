import "server-only";
import { versionActionSchema } from "@/app/_domain/schemas/publication";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { fromZod } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { notifyAudience } from "./notify";
import { buildContent, contentHash, VERSION_CONTENT_SELECT } from "./publication-content";
import { lockVersion } from "./version-lock";

/**
 * PUBLISHER publishes an APPROVED version: freezes every number any recipient will see (the region part on the
 * version, one part per audience institution), the sheet versions and catalogue version used and the SHA-256 of
 * it all, in one transaction with the audit row. The version row is locked first, so of concurrent requests
 * exactly one publishes; the others find it published and get a conflict. Publishing a correction marks the
 * version it corrects CORRECTED. The audience's users are notified in the app.
 */
export async function publishPublication(session: Session, input: unknown): Promise<{ status: "PUBLISHED"; contentHash: string }> {
  return auditFailures(session, "publication.publish", async () => {
    await requirePermission(session, "publication.publish");
    const parsed = versionActionSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const prisma = await db();
    return prisma.$transaction(
      async (tx) => {
        const locked = await lockVersion(tx, session, parsed.data.versionId, ["APPROVED"]);
        const v = await tx.publicationVersion.findUniqueOrThrow({ where: { id: locked.id }, select: { ...VERSION_CONTENT_SELECT, correctionReason: true, embargoUntil: true } });
        const now = new Date();
        const content = await buildContent(tx, v, { frozenAt: now });
        const hash = contentHash(content.built);
        await tx.publicationVersion.update({
          where: { id: v.id },
          data: {
            status: "PUBLISHED",
            publisherId: session.userId,
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
          where: { publicationId: locked.publicationId, status: "PUBLISHED", version: { lt: locked.version } },
          data: { status: "CORRECTED" },
        });
        await notifyAudience(tx, {
          institutionIds: content.audience.map((a) => a.id),
          kind: corrected.count ? "CORRECTED" : "PUBLISHED",
          title: corrected.count ? `更正：${v.title}` : `新发布：${v.title}`,
          body: corrected.count ? `更正原因：${v.correctionReason ?? ""}` : `${v.publication.region.name}医保数据工作组发布了${v.title}。`,
          href: `/inbox/${locked.publicationId}`,
          // Embargoed: recipients are told when it lifts (the inbox shows it from then on).
          createdAt: v.embargoUntil && v.embargoUntil > now ? v.embargoUntil : now,
        });
        await recordAudit(tx, actorOf(session), {
          action: "publication.publish",
          objectType: "PublicationVersion",
          objectId: v.id,
          detail: { title: v.title, version: locked.version, contentHash: hash, institutions: content.built.parts.length, corrected: corrected.count > 0 },
        });
        return { status: "PUBLISHED" as const, contentHash: hash };
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
  });
}
