import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./auth-options";
import { clientIp, requestId } from "./request-context";
import type { Session } from "./session";
import { resolveSession } from "./session-store";

/**
 * The signed-in user of this request, re-read from the database (see resolveSession): an ended, idle or
 * too old session, a disabled user, or a JWT whose session version is older than the user's gets no session.
 */
export const getSession = cache(async (): Promise<Session | null> => {
  const jwt = await getServerSession(authOptions);
  if (!jwt?.uid) return null;
  const h = await headers();
  return resolveSession(jwt, { ip: clientIp(h), requestId: requestId(h) });
});

/** For pages and server actions: the session, or a redirect to the login page. */
export async function requireSession(): Promise<Session> {
  const session = await getSession();
  if (!session) redirect("/login");
  return session;
}
