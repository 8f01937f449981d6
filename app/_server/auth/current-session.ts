import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/app/_domain/roles";
import { db } from "../db";
import { authOptions } from "./auth-options";
import { clientIp, requestId } from "./request-context";
import type { Session } from "./session";

/**
 * The signed-in user of this request, re-read from the database: a disabled user, or a JWT whose session
 * version is older than the user's (sign-out everywhere, password or role change), gets no session.
 */
export const getSession = cache(async (): Promise<Session | null> => {
  const jwt = await getServerSession(authOptions);
  if (!jwt?.uid) return null;
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: jwt.uid } });
  if (!user || user.status !== "ACTIVE" || user.sessionVersion !== jwt.sv) return null;
  const h = await headers();
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as Role[],
    provinceId: user.provinceId,
    regionId: user.regionId,
    institutionId: user.institutionId,
    mustChangePassword: user.mustChangePassword,
    isDemo: user.isDemo,
    requestId: requestId(h),
    ip: clientIp(h),
  };
});

/** For pages and server actions: the session, or a redirect to the login page. */
export async function requireSession(): Promise<Session> {
  const session = await getSession();
  if (!session) redirect("/login");
  return session;
}
