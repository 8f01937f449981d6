import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { readEnv } from "../env";
import { sessionCookie } from "./cookies";
import { decodeSessionJwt } from "./session-jwt";
import { clientIp, requestId } from "./request-context";
import type { Session } from "./session";
import { resolveSession, type SessionToken } from "./session-store";

/**
 * The signed-in user of this request, re-read from the database (see resolveSession): an ended, idle or
 * too old session, a disabled user, or a JWT whose session version is older than the user's gets no session.
 * The cookie's JWT is decrypted directly rather than through getServerSession, which also re-encrypts it for a
 * cookie that a page cannot set (a third of a simple page's server time went there); the database row, not the
 * JWT's expiry, decides whether the session is alive.
 */
export const getSession = cache(async (): Promise<Session | null> => {
  const env = readEnv();
  const raw = (await cookies()).get(sessionCookie(env).name)?.value;
  if (!raw) return null;
  const jwt = (await decodeSessionJwt({ token: raw, secret: env.authSecret }).catch(() => null)) as SessionToken | null;
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
