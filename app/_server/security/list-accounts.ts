import type { Role } from "@/app/_domain/roles";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";

/** The security admin's view of accounts: status and sign-in facts, never hashes. */
export async function listAccounts(session: Session) {
  await requirePermission(session, "security.manage");
  const prisma = await db();
  const users = await prisma.user.findMany({
    select: { id: true, username: true, displayName: true, roles: true, status: true, lastLoginAt: true, passwordChangedAt: true, mustChangePassword: true },
    orderBy: { username: "asc" },
  });
  return users.map((u) => ({ ...u, roles: u.roles as Role[], lastLoginAt: u.lastLoginAt?.toISOString() ?? null, passwordChangedAt: u.passwordChangedAt.toISOString() }));
}
