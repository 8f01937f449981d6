import "server-only";
import { updateDraftSchema } from "@/app/_domain/schemas/publication";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { fromZod, invalid } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { lockVersion } from "./version-lock";

/** DATA_ENTRY edits a DRAFT version: title, layout, audience, peer mode, embargo, narrative, explanations. */
export async function updatePublicationDraft(session: Session, input: unknown): Promise<{ versionId: string }> {
  return auditFailures(session, "publication.edit", async () => {
    await requirePermission(session, "publication.draft");
    const parsed = updateDraftSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const d = parsed.data;
    const prisma = await db();
    return prisma.$transaction(async (tx) => {
      const v = await lockVersion(tx, session, d.versionId, ["DRAFT"]);
      if (d.layout) {
        const ids = d.layout.sections.flatMap((s) => [`s:${s.id}`, ...s.panels.map((p) => `p:${p.id}`)]);
        if (new Set(ids).size !== ids.length) throw invalid("栏目或面板编号重复。", { layout: "栏目或面板编号重复" });
      }
      if (d.audience?.kind === "LIST") {
        const found = await tx.institution.count({
          where: { regionId: v.publication.regionId, code: { in: d.audience.institutionCodes } },
        });
        if (found !== new Set(d.audience.institutionCodes).size)
          throw invalid("受众名单中有不属于本统筹区的机构。", { audience: "受众名单中有不属于本统筹区的机构" });
      }
      const data: Prisma.PublicationVersionUpdateInput = {
        ...(d.title !== undefined ? { title: d.title } : {}),
        ...(d.layout ? { layout: d.layout as Prisma.InputJsonObject } : {}),
        ...(d.audience
          ? {
              audienceKind: d.audience.kind,
              audienceLevels: d.audience.kind === "LEVELS" ? d.audience.levels : [],
              audienceCodes: d.audience.kind === "LIST" ? [...new Set(d.audience.institutionCodes)] : [],
            }
          : {}),
        ...(d.peerMode ? { peerMode: d.peerMode } : {}),
        ...(d.embargoUntil !== undefined ? { embargoUntil: d.embargoUntil === null ? null : new Date(d.embargoUntil) } : {}),
        ...(d.narrative !== undefined ? { narrative: d.narrative.replace(/\r\n?/g, "\n") } : {}),
        ...(d.explanations ? { explanations: d.explanations } : {}),
        ...(v.authorId ? {} : { author: { connect: { id: session.userId } } }),
      };
      await tx.publicationVersion.update({ where: { id: v.id }, data, select: { id: true } });
      await recordAudit(tx, actorOf(session), {
        action: "publication.edit",
        objectType: "PublicationVersion",
        objectId: v.id,
        detail: { fields: Object.keys(d).filter((k) => k !== "versionId") },
      });
      return { versionId: v.id };
    });
  });
}
