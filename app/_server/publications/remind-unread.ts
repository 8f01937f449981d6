import "server-only";
import { versionActionSchema } from "@/app/_domain/schemas/publication";
import { can } from "@/app/_domain/permissions";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { AppError, fromZod, notFound } from "../errors";
import { notifyAudience } from "./notify";

/**
 * 提醒未读: an in-app reminder to every user of the audience institutions of a PUBLISHED version that have not
 * acknowledged it (no user of theirs has). Data entry staff and publishers may send it.
 */
export async function remindUnread(session: Session, input: unknown): Promise<{ reminded: number }> {
  return auditFailures(session, "publication.remind", async () => {
    await requirePermission(session, can(session.roles, "publication.publish") ? "publication.publish" : "publication.draft");
    const parsed = versionActionSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const prisma = await db();
    return prisma.$transaction(async (tx) => {
      const v = await tx.publicationVersion.findFirst({
        where: { id: parsed.data.versionId, publication: { regionId: session.regionId ?? "" } },
        select: { id: true, status: true, title: true, publicationId: true, embargoUntil: true },
      });
      if (!v) throw notFound("发布");
      if (v.status !== "PUBLISHED") throw new AppError("CONFLICT", "只能提醒已发布的版本。");
      if (v.embargoUntil && v.embargoUntil > new Date()) throw new AppError("CONFLICT", "该发布尚未解禁，接收单位还看不到，不能提醒。");
      const [parts, acknowledged] = await Promise.all([
        tx.publicationPart.findMany({ where: { versionId: v.id }, select: { institutionId: true } }),
        tx.publicationReceipt.findMany({ where: { versionId: v.id, acknowledgedAt: { not: null } }, select: { institutionId: true } }),
      ]);
      const done = new Set(acknowledged.map((r) => r.institutionId));
      const pending = parts.map((p) => p.institutionId).filter((id) => !done.has(id));
      const reminded = await notifyAudience(tx, {
        institutionIds: pending,
        kind: "REMINDER",
        title: `请阅读：${v.title}`,
        body: "数据工作组提醒您阅读并确认已阅。",
        href: `/inbox/${v.publicationId}`,
      });
      await recordAudit(tx, actorOf(session), {
        action: "publication.remind",
        objectType: "PublicationVersion",
        objectId: v.id,
        detail: { institutions: pending.length, users: reminded },
      });
      return { reminded: pending.length };
    });
  });
}
