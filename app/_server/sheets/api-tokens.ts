import { createHash, randomBytes } from "node:crypto";
import { z } from "@/app/_domain/zod";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import { toSession, type Session } from "../auth/session";
import { db } from "../db";
import { fromZod, notFound } from "../errors";

/**
 * API tokens for system-to-system uploads (POST /api/v1/sheets). A token is shown once; only its SHA-256 is
 * stored. It acts as its creator, with the DATA_ENTRY role only, in the creator's region, and stops working
 * when revoked or when the creator loses that role or region or is disabled.
 */
const TOKEN_PREFIX = "ld_";
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const createTokenSchema = z.object({ name: z.string().trim().min(2, "请填写令牌用途，例如“医保信息平台每月推送”").max(60, "名称最多 60 字") });

export async function createApiToken(session: Session, input: unknown): Promise<{ id: string; token: string }> {
  return auditFailures(session, "api-token.create", async () => {
    await requirePermission(session, "sheet.upload");
    if (!session.regionId) throw notFound("统筹区");
    const parsed = createTokenSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const token = TOKEN_PREFIX + randomBytes(30).toString("base64url");
    const prisma = await db();
    return prisma.$transaction(async (tx) => {
      const row = await tx.apiToken.create({
        data: { name: parsed.data.name, regionId: session.regionId!, tokenHash: hashToken(token), prefix: token.slice(0, 10), createdById: session.userId },
      });
      await recordAudit(tx, actorOf(session), { action: "api-token.create", objectType: "ApiToken", objectId: row.id, detail: { name: row.name, prefix: row.prefix } });
      return { id: row.id, token };
    });
  });
}

export async function listApiTokens(session: Session) {
  await requirePermission(session, "sheet.upload");
  if (!session.regionId) throw notFound("统筹区");
  const prisma = await db();
  const rows = await prisma.apiToken.findMany({
    where: { regionId: session.regionId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { displayName: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdBy: r.createdBy.displayName,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

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

/** The Session a bearer token acts as, or null (unknown, revoked, or its creator no longer entitled). */
export async function sessionFromApiToken(authorization: string | null, meta: { ip: string | null; requestId: string }): Promise<Session | null> {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!m || !m[1].startsWith(TOKEN_PREFIX)) return null;
  const prisma = await db();
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(m[1]) }, include: { createdBy: true } });
  if (!row || row.revokedAt) return null;
  const u = row.createdBy;
  if (u.status !== "ACTIVE" || u.regionId !== row.regionId || !u.roles.includes("DATA_ENTRY")) return null;
  await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  // It acts as its creator with the DATA_ENTRY role only, in the token's region.
  return toSession(
    { ...u, username: `${u.username}（令牌 ${row.prefix}…）`, roles: ["DATA_ENTRY"], provinceId: null, regionId: row.regionId, institutionId: null },
    { ...meta, via: "api-token" },
  );
}
