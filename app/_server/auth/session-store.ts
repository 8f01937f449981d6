import { recordAudit, type AuditTx } from "../audit/record-audit";
import { db } from "../db";
import { readEnv, type Env } from "../env";
import type { Role } from "@/app/_domain/roles";
import { toSession, type Session, type SessionUser } from "./session";

/** What the signed JWT carries: the user, their session version when signing in, and the UserSession row. */
export interface SessionToken {
  uid?: string;
  sv?: number;
  sid?: string;
}

/** lastSeenAt is written at most this often (one write a minute per active user, not one per request). */
const TOUCH_EVERY_MS = 60_000;

type Timeouts = Pick<Env, "sessionMaxAge" | "sessionIdleTimeout" | "passwordMaxAgeDays">;

/**
 * The Session of a request's JWT, or null. Re-read from the database every time (MLPS-02, ASVS 7.3/7.4):
 * no session row, a session ended (sign-out, termination), idle longer than `sessionIdleTimeout` or older
 * than `sessionMaxAge`, a disabled user or a bumped session version (sign-out everywhere, password, role
 * or MFA change) → null, and the cookie is worth nothing from then on.
 */
export async function resolveSession(
  token: SessionToken | null | undefined,
  meta: { ip: string | null; requestId: string },
  now = new Date(),
  env: Timeouts = readEnv(),
  { touch = true } = {},
): Promise<Session | null> {
  if (!token?.uid || !token.sid) return null;
  const prisma = await db();
  const row = await sessionWithUser(token.sid);
  if (!row || row.userId !== token.uid || row.endedAt) return null;
  const { user } = row;
  if (user.status !== "ACTIVE" || user.sessionVersion !== token.sv) return null;
  const expired =
    now.getTime() - row.createdAt.getTime() > env.sessionMaxAge * 1000
      ? "absolute"
      : now.getTime() - row.lastSeenAt.getTime() > env.sessionIdleTimeout * 1000
        ? "idle"
        : null;
  if (expired) {
    await prisma.$transaction(async (tx) => {
      const ended = await tx.userSession.updateMany({ where: { id: row.id, endedAt: null }, data: { endedAt: now, endReason: expired } });
      if (ended.count)
        await recordAudit(
          tx,
          { userId: user.id, username: user.username, roles: user.roles, ip: meta.ip, requestId: meta.requestId },
          {
            action: "auth.session.expire",
            objectType: "UserSession",
            objectId: row.id,
            detail: { reason: expired },
          },
        );
    });
    return null;
  }
  if (touch && now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await prisma.userSession.updateMany({ where: { id: row.id, endedAt: null }, data: { lastSeenAt: now } });
  return toSession(user, { ...meta, sessionId: row.id, now, passwordMaxAgeDays: env.passwordMaxAgeDays });
}

/**
 * The session row with its user, in one query (every request of a signed-in user reads it; Prisma's include
 * would make it two).
 */
async function sessionWithUser(sessionId: string) {
  const prisma = await db();
  const [r] = await prisma.$queryRaw<(SessionRow & SessionUser & { roles: Role[]; status: string; sessionVersion: number })[]>`
    SELECT s.id AS "sessionId", s."userId", s."createdAt", s."lastSeenAt", s."endedAt",
           u.id, u.username, u."displayName", u.roles::text[] AS roles, u.status::text AS status, u."sessionVersion",
           u."provinceId", u."regionId", u."institutionId", u."mustChangePassword", u."passwordChangedAt", u."isDemo",
           u."mfaSecret", u."mfaEnrolRequired"
      FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
     WHERE s.id = ${sessionId}`;
  if (!r) return null;
  const { sessionId: id, userId, createdAt, lastSeenAt, endedAt, ...user } = r;
  return { id, userId, createdAt, lastSeenAt, endedAt, user };
}

interface SessionRow {
  sessionId: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
}

/** Ends one session (sign-out). */
export async function endSession(
  token: SessionToken | null | undefined,
  meta: { ip: string | null; requestId: string },
  now = new Date(),
): Promise<void> {
  if (!token?.sid) return;
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const row = await tx.userSession.findUnique({ where: { id: token.sid }, include: { user: true } });
    if (!row || row.endedAt) return;
    await tx.userSession.update({ where: { id: row.id }, data: { endedAt: now, endReason: "logout" } });
    await recordAudit(
      tx,
      { userId: row.user.id, username: row.user.username, roles: row.user.roles, ip: meta.ip, requestId: meta.requestId },
      {
        action: "auth.logout",
        objectType: "UserSession",
        objectId: row.id,
      },
    );
  });
}

/**
 * Ends every session of a user: bumps the session version (so every JWT already issued stops working) and
 * marks the open session rows ended. Call inside the caller's transaction; the caller audits.
 */
export async function endAllSessions(tx: AuditTx, userId: string, reason: string, now = new Date()): Promise<number> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  const r = await tx.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now, endReason: reason } });
  return r.count;
}
