import { createHash } from "node:crypto";
import { db } from "../db";
import { toSession, type Session } from "./session";

/**
 * API tokens for system-to-system uploads (POST /api/v1/sheets). A token is shown once; only its SHA-256 is
 * stored. It acts as its creator, with the DATA_ENTRY role only, in the creator's region, and stops working
 * when revoked or when the creator loses that role or region or is disabled.
 */
export const TOKEN_PREFIX = "ld_";
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The Session a bearer token acts as, or null (unknown, revoked, or its creator no longer entitled). */
export async function sessionFromApiToken(
  authorization: string | null,
  meta: { ip: string | null; requestId: string },
): Promise<Session | null> {
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
    {
      ...u,
      username: `${u.username}（令牌 ${row.prefix}…）`,
      roles: ["DATA_ENTRY"],
      provinceId: null,
      regionId: row.regionId,
      institutionId: null,
    },
    { ...meta, via: "api-token" },
  );
}
