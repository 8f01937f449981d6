import { randomBytes } from "node:crypto";
import { createApiTokenSchema } from "@/app/_domain/schemas/api-token";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { hashToken, TOKEN_PREFIX } from "../auth/api-token-session";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { fromZod, notFound } from "../errors";

/**
 * A new API token of the caller's region (see auth/api-token-session.ts for what it may do). The token itself
 * is returned once and never stored: only its SHA-256 and its first characters, to recognise it in the list.
 */
export async function createApiToken(session: Session, input: unknown): Promise<{ id: string; token: string }> {
  return auditFailures(session, "api-token.create", async () => {
    await requirePermission(session, "sheet.upload");
    if (!session.regionId) throw notFound("统筹区");
    const parsed = createApiTokenSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const token = TOKEN_PREFIX + randomBytes(30).toString("base64url");
    const prisma = await db();
    return prisma.$transaction(async (tx) => {
      const row = await tx.apiToken.create({
        data: {
          name: parsed.data.name,
          regionId: session.regionId!,
          tokenHash: hashToken(token),
          prefix: token.slice(0, 10),
          createdById: session.userId,
        },
      });
      await recordAudit(tx, actorOf(session), {
        action: "api-token.create",
        objectType: "ApiToken",
        objectId: row.id,
        detail: { name: row.name, prefix: row.prefix },
      });
      return { id: row.id, token };
    });
  });
}
