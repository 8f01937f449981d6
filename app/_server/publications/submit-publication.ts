import "server-only";
import { versionActionSchema } from "@/app/_domain/schemas/publication";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { fromZod } from "../errors";
import { lockVersion } from "./version-lock";

/** DATA_ENTRY sends a DRAFT for review; the submitter is the author the reviewer must differ from. */
export async function submitPublication(session: Session, input: unknown): Promise<{ status: "IN_REVIEW" }> {
  return auditFailures(session, "publication.submit", async () => {
    await requirePermission(session, "publication.draft");
    const parsed = versionActionSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const prisma = await db();
    return prisma.$transaction(async (tx) => {
      const v = await lockVersion(tx, session, parsed.data.versionId, ["DRAFT"]);
      await tx.publicationVersion.update({
        where: { id: v.id },
        data: { status: "IN_REVIEW", submittedById: session.userId, submittedAt: new Date(), authorId: v.authorId ?? session.userId },
        select: { id: true },
      });
      await recordAudit(tx, actorOf(session), {
        action: "publication.submit",
        objectType: "PublicationVersion",
        objectId: v.id,
        detail: { title: v.title, version: v.version },
      });
      return { status: "IN_REVIEW" as const };
    });
  });
}
