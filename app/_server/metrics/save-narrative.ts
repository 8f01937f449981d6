import { saveNarrativeSchema } from "@/app/_domain/schemas/narrative";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { AppError, fromZod, notFound } from "../errors";

/**
 * Saves the data group's edited 智能解读 of a quarter of its own region as a new version. Nothing is ever lost:
 * every saved text stays in NarrativeVersion; the draft row holds the newest. Someone else's save since the
 * editor was opened (baseVersion behind) is refused as a conflict, so neither text overwrites the other
 * unseen; the same text as the newest version saves nothing. Audited in the same transaction.
 */
export async function saveNarrative(session: Session, input: unknown): Promise<{ version: number; unchanged: boolean }> {
  return auditFailures(session, "narrative.save", async () => {
    await requirePermission(session, "narrative.edit");
    if (!session.regionId) throw notFound("统筹区");
    const parsed = saveNarrativeSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const { period, text, baseVersion } = parsed.data;
    const regionId = session.regionId;
    const prisma = await db();
    try {
      return await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`narrative:${regionId}:${period}`}))`;
        const draft = await tx.narrativeDraft.findUnique({ where: { regionId_period: { regionId, period } } });
        const current = draft?.version ?? 0;
        if (current !== baseVersion)
          throw new AppError(
            "CONFLICT",
            `保存失败：他人已保存了第 ${current} 版解读。您的文字仍在编辑框中，请先复制保存，再刷新页面查看最新版本后合并。`,
          );
        if (draft && draft.text === text) return { version: draft.version, unchanged: true };
        const version = current + 1;
        const now = new Date();
        const saved = draft
          ? await tx.narrativeDraft.update({
              where: { id: draft.id },
              data: { text, version, updatedById: session.userId, updatedAt: now },
            })
          : await tx.narrativeDraft.create({ data: { regionId, period, text, version, updatedById: session.userId, updatedAt: now } });
        await tx.narrativeVersion.create({ data: { draftId: saved.id, version, text, authorId: session.userId, createdAt: now } });
        await recordAudit(tx, actorOf(session), {
          action: "narrative.save",
          objectType: "NarrativeDraft",
          objectId: saved.id,
          detail: { period, version, length: text.length },
        });
        return { version, unchanged: false };
      });
    } catch (e) {
      if ((e as { code?: string }).code === "P2002")
        throw new AppError("CONFLICT", "保存失败：他人刚刚保存了同一季度的解读，请刷新后再试。");
      throw e;
    }
  });
}
