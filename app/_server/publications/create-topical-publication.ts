import "server-only";
import { BLANK_LAYOUT, LEVEL_3_SPECIAL_LAYOUT, publicationPeriod } from "@/app/_domain/publications/layouts";
import type { Layout } from "@/app/_domain/publications/types";
import { createTopicalSchema } from "@/app/_domain/schemas/publication";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { fromZod, notFound } from "../errors";
import { createDraft } from "./ensure-publication-drafts";

/**
 * DATA_ENTRY starts a 专题分析 of any range of months: from a blank layout, the 三级医疗机构专场 template
 * (audience 三级, peers named, as Hefei published it), or a copy of another version's layout of the same region.
 */
export async function createTopicalPublication(session: Session, input: unknown): Promise<{ id: string; versionId: string }> {
  return auditFailures(session, "publication.create", async () => {
    await requirePermission(session, "publication.draft");
    const parsed = createTopicalSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const { title, start, end, copyFromVersionId, template } = parsed.data;
    const regionId = session.regionId;
    if (!regionId) throw notFound("统筹区");
    const prisma = await db();
    return prisma.$transaction(async (tx) => {
      let layout: Layout = structuredClone(template === "LEVEL_3_SPECIAL" ? LEVEL_3_SPECIAL_LAYOUT : BLANK_LAYOUT);
      if (copyFromVersionId) {
        const source = await tx.publicationVersion.findFirst({
          where: { id: copyFromVersionId, publication: { regionId } },
          select: { layout: true },
        });
        if (!source) throw notFound("要复制的发布");
        layout = source.layout as unknown as Layout;
      }
      const special = template === "LEVEL_3_SPECIAL" && !copyFromVersionId;
      const p = publicationPeriod("TOPICAL", end, start);
      const created = await createDraft(tx, {
        regionId,
        kind: "TOPICAL",
        start: p.start,
        end: p.end,
        title,
        layout,
        narrative: "",
        authorId: session.userId,
        ...(special ? { audience: { kind: "LEVELS" as const, levels: ["LEVEL_3" as const] }, peerMode: "NAMED" as const } : {}),
      });
      const versionId = created.versions[0]!.id;
      await recordAudit(tx, actorOf(session), {
        action: "publication.create",
        objectType: "Publication",
        objectId: created.id,
        detail: { kind: "TOPICAL", title, start, end, template, copyFromVersionId },
      });
      return { id: created.id, versionId };
    });
  });
}
