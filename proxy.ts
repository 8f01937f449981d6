import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { sessionCookie } from "./app/_server/auth/cookies";
import { requestId } from "./app/_server/auth/request-context";
import { decodeSessionJwt } from "./app/_server/auth/session-jwt";
import { readEnv } from "./app/_server/env";
import { TOO_LARGE_MESSAGE, UPLOAD_BODY_LIMIT } from "./app/_server/http/body-limit";
import { assertSameOrigin } from "./app/_server/http/route-helpers";
import { dynamicSecurityHeaders, newNonce } from "./app/_server/http/security-headers";

/**
 * Runs before every request except static files (build output and public/brand). It does four things:
 * 1. sets the per-request CSP nonce (Next.js reads it from the request's CSP header and puts it on its own
 *    scripts; the root layout passes it to Ant Design's styles), HSTS when configured, and no-store;
 * 2. gives the request an id (x-request-id, kept when the client sent a well-formed one);
 * 3. sends anonymous visitors of a page to the login page (API routes answer 401 themselves);
 * 4. answers 403 to a server action posted from another origin or without one, and 413 to a declared body
 *    larger than any upload.
 * It is not the guard: every use case checks the session's role and scope itself, and the authorization
 * matrix e2e test passes with LIANGDI_PROXY_DISABLED=1, which turns this whole file into a no-op.
 */
// The session cookie is named as next-auth names it (`__Secure-` when Secure), see auth/cookies.ts.
const redirectAnonymous = withAuth({
  pages: { signIn: "/login" },
  cookies: { sessionToken: { name: sessionCookie(readEnv()).name } },
  jwt: { decode: decodeSessionJwt },
});

const PUBLIC_PAGES = ["/login"];

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const env = readEnv();
  if (env.proxyDisabled) return NextResponse.next();

  // A declared body larger than any upload accepts: 413 before a byte of it is read (body-limit.ts).
  if (Number(request.headers.get("content-length") ?? 0) > UPLOAD_BODY_LIMIT)
    return NextResponse.json({ error: TOO_LARGE_MESSAGE }, { status: 413 });

  // A server action (a POST naming one in Next-Action) from a foreign, opaque or missing Origin: 403 in Chinese
  // here, as the route handlers answer (Next's own check would answer 500 and lets a missing Origin through).
  if (request.method === "POST" && request.headers.has("next-action")) {
    try {
      assertSameOrigin(request, env.trustedProxyHops);
    } catch (e) {
      return NextResponse.json({ error: (e as Error).message }, { status: 403 });
    }
  }

  const headers = dynamicSecurityHeaders({
    nonce: newNonce(),
    hsts: env.hsts,
    hstsMaxAge: env.hstsMaxAge,
    development: process.env.NODE_ENV === "development",
  });
  const { pathname } = request.nextUrl;

  if (!pathname.startsWith("/api/") && !PUBLIC_PAGES.includes(pathname)) {
    const redirect = await redirectAnonymous(request as NextRequestWithAuth, event);
    if (redirect) return withHeaders(redirect, headers);
  }

  // One request id from here on: the session, the audit rows, the logs and the answer all carry it.
  const id = requestId(request.headers);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]);
  requestHeaders.set("x-request-id", id);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), { ...headers, "x-request-id": id });
}

function withHeaders<R extends Response>(response: R, headers: Record<string, string>): R {
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

// Static files need neither a nonce nor a session (the login page shows the mark from public/brand/).
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|brand/).*)"],
};
