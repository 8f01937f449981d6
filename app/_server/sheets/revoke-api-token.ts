import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { notFound } from "../errors";

/** Revokes a token of the caller's region at once; revoking a revoked token only records the attempt. */
export async function revokeApiToken(session: Session, input: { id: string }): Promise<void> {
  return auditFailures(session, "api-token.revoke", async () => {
    await requirePermission(session, "sheet.upload");
    const prisma = await db();
    await prisma.$transaction(async (tx) => {
      const row = await tx.apiToken.findUnique({ where: { id: String(input?.id ?? "") } });
      if (!row || row.regionId !== session.regionId) throw notFound("令牌");
      if (!row.revokedAt) await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
      await recordAudit(tx, actorOf(session), { action: "api-token.revoke", objectType: "ApiToken", objectId: row.id });
    });
  });
}
