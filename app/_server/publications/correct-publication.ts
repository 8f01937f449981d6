import "server-only";
import { correctPublicationSchema } from "@/app/_domain/schemas/publication";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { AppError, fromZod } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { lockVersion } from "./version-lock";

/**
 * DATA_ENTRY starts a correction of a PUBLISHED version: version n+1, a DRAFT copying its layout, audience and
 * texts, with the reason. It goes through review like any draft; publishing it marks version n CORRECTED (the
 * old version then links to the new one) and tells the recipients. The published version stays as frozen.
 */
export async function correctPublication(session: Session, input: unknown): Promise<{ versionId: string; version: number }> {
  return auditFailures(session, "publication.correct", async () => {
    await requirePermission(session, "publication.draft");
    const parsed = correctPublicationSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const prisma = await db();
    return prisma.$transaction(async (tx) => {
      const v = await lockVersion(tx, session, parsed.data.versionId, ["PUBLISHED"]);
      const newer = await tx.publicationVersion.findFirst({
        where: { publicationId: v.publicationId, version: { gt: v.version } },
        select: { version: true },
      });
      if (newer) throw new AppError("CONFLICT", `已有第 ${newer.version} 版（更正稿），请在该版本上继续。`);
      const source = await tx.publicationVersion.findUniqueOrThrow({
        where: { id: v.id },
        select: {
          title: true,
          layout: true,
          audienceKind: true,
          audienceLevels: true,
          audienceCodes: true,
          peerMode: true,
          narrative: true,
          explanations: true,
        },
      });
      const created = await tx.publicationVersion.create({
        data: {
          publicationId: v.publicationId,
          version: v.version + 1,
          status: "DRAFT",
          ...source,
          layout: source.layout as Prisma.InputJsonValue,
          explanations: source.explanations as Prisma.InputJsonValue,
          authorId: session.userId,
          correctionReason: parsed.data.reason,
        },
        select: { id: true, version: true },
      });
      await recordAudit(tx, actorOf(session), {
        action: "publication.correct",
        objectType: "PublicationVersion",
        objectId: created.id,
        detail: { corrects: v.id, version: created.version, reason: parsed.data.reason },
      });
      return { versionId: created.id, version: created.version };
    });
  });
}
