import "server-only";
import { withdrawPublicationSchema } from "@/app/_domain/schemas/publication";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { fromZod } from "../errors";
import { notifyAudience } from "./notify";
import { lockVersion } from "./version-lock";

/** PUBLISHER withdraws a PUBLISHED version with a reason: recipients no longer see it (its snapshot is kept). */
export async function withdrawPublication(session: Session, input: unknown): Promise<{ status: "WITHDRAWN" }> {
  return auditFailures(session, "publication.withdraw", async () => {
    await requirePermission(session, "publication.publish");
    const parsed = withdrawPublicationSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const prisma = await db();
    return prisma.$transaction(async (tx) => {
      const v = await lockVersion(tx, session, parsed.data.versionId, ["PUBLISHED"]);
      await tx.publicationVersion.update({
        where: { id: v.id },
        data: { status: "WITHDRAWN", withdrawnAt: new Date(), withdrawalReason: parsed.data.reason },
        select: { id: true },
      });
      const parts = await tx.publicationPart.findMany({ where: { versionId: v.id }, select: { institutionId: true } });
      await notifyAudience(tx, {
        institutionIds: parts.map((p) => p.institutionId),
        kind: "WITHDRAWN",
        title: `已撤回：${v.title}`,
        body: `撤回原因：${parsed.data.reason}`,
        href: "/inbox",
      });
      await recordAudit(tx, actorOf(session), {
        action: "publication.withdraw",
        objectType: "PublicationVersion",
        objectId: v.id,
        detail: { title: v.title, version: v.version, reason: parsed.data.reason },
      });
      return { status: "WITHDRAWN" as const };
    });
  });
}
