import { mfaRequired } from "@/app/_domain/auth-policy";
import type { Role } from "@/app/_domain/roles";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { readEnv } from "../env";

export type MfaState = "ENABLED" | "NOT_ENROLLED" | "OPTIONAL";

/** The security admin's view of accounts: status, lockout, MFA and open sessions, never hashes or secrets. */
export async function listAccounts(session: Session) {
  await requirePermission(session, "security.manage");
  const prisma = await db();
  const now = new Date();
  const { sessionIdleTimeout, sessionMaxAge } = readEnv();
  const users = await prisma.user.findMany({
    select: {
      id: true,
      username: true,
      displayName: true,
      roles: true,
      status: true,
      isDemo: true,
      lastLoginAt: true,
      passwordChangedAt: true,
      mustChangePassword: true,
      lockedUntil: true,
      mfaSecret: true,
      mfaEnrolRequired: true,
      sessions: {
        where: {
          endedAt: null,
          lastSeenAt: { gt: new Date(now.getTime() - sessionIdleTimeout * 1000) },
          createdAt: { gt: new Date(now.getTime() - sessionMaxAge * 1000) },
        },
        select: { id: true },
      },
    },
    orderBy: { username: "asc" },
  });
  return users.map(({ mfaSecret, sessions, lockedUntil, ...u }) => ({
    ...u,
    roles: u.roles as Role[],
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    passwordChangedAt: u.passwordChangedAt.toISOString(),
    lockedUntil: lockedUntil && lockedUntil > now ? lockedUntil.toISOString() : null,
    mfa: (mfaSecret ? "ENABLED" : mfaRequired(u) ? "NOT_ENROLLED" : "OPTIONAL") as MfaState,
    activeSessions: sessions.length,
  }));
}
export type AccountDto = Awaited<ReturnType<typeof listAccounts>>[number];
