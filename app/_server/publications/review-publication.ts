import "server-only";
import { reviewPublicationSchema } from "@/app/_domain/schemas/publication";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { AppError, fromZod } from "../errors";
import { lockVersion } from "./version-lock";

/**
 * DATA_REVIEWER approves an IN_REVIEW version or returns it to DRAFT with a comment. Maker-checker: the reviewer
 * is neither the author nor the submitter.
 */
export async function reviewPublication(session: Session, input: unknown): Promise<{ status: "APPROVED" | "DRAFT" }> {
  return auditFailures(session, "publication.review", async () => {
    await requirePermission(session, "publication.review");
    const parsed = reviewPublicationSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const { versionId, decision, comment } = parsed.data;
    const prisma = await db();
    return prisma.$transaction(async (tx) => {
      const v = await lockVersion(tx, session, versionId, ["IN_REVIEW"]);
      if (v.authorId === session.userId || v.submittedById === session.userId)
        throw new AppError("INVALID", "不能审核自己编写或提交的发布（须由另一位审核员审核）。");
      const status = decision === "APPROVE" ? ("APPROVED" as const) : ("DRAFT" as const);
      await tx.publicationVersion.update({
        where: { id: v.id },
        data: { status, reviewerId: session.userId, reviewedAt: new Date(), reviewComment: comment || null },
        select: { id: true },
      });
      await recordAudit(tx, actorOf(session), {
        action: decision === "APPROVE" ? "publication.approve" : "publication.return",
        objectType: "PublicationVersion",
        objectId: v.id,
        detail: { title: v.title, version: v.version, comment: comment || undefined },
      });
      return { status };
    });
  });
}
