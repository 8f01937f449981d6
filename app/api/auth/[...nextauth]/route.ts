import NextAuth from "next-auth";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { SIGN_IN_ERRORS } from "@/app/_domain/auth-policy";
import { buildAuthOptions } from "@/app/_server/auth/auth-options";
import { sessionCookie } from "@/app/_server/auth/cookies";
import { clientIp, requestId } from "@/app/_server/auth/request-context";
import { resolveSession } from "@/app/_server/auth/session-store";
import { readEnv } from "@/app/_server/env";
import { decodeSessionJwt } from "@/app/_server/auth/session-jwt";

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's routes, with three things it does not do itself (issue 16, finding 3 and 5):
 * - the options carry this request's client address, so `auth.logout` records the IP;
 * - `GET /api/auth/session` answers no session once the UserSession is ended (signed out, expired, ended by
 *   the security admin): next-auth alone would decode a replayed cookie and return its name, uid and sid;
 * - a sign-in refused for too many failures from the address answers 429 with Retry-After, not 401.
 */
async function handler(request: NextRequest, context: Context) {
  const env = readEnv();
  const meta = { ip: clientIp(request.headers), requestId: requestId(request.headers) };
  const [action] = (await context.params).nextauth ?? [];

  if (request.method === "GET" && action === "session") {
    const cookie = sessionCookie(env);
    const token = await getToken({
      req: request,
      secret: process.env.NEXTAUTH_SECRET,
      cookieName: cookie.name,
      secureCookie: env.secureCookies,
      decode: decodeSessionJwt,
    });
    if (token && !(await resolveSession(token, meta, new Date(), env, { touch: false }))) {
      const res = Response.json({});
      res.headers.append("set-cookie", `${cookie.name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${env.secureCookies ? "; Secure" : ""}`);
      return res;
    }
  }

  const response: Response = await NextAuth(request, context, buildAuthOptions(env, meta));
  if (response.status === 401 && (response.headers.get("content-type") ?? "").includes("json")) {
    const body = await response.text();
    const url = (() => {
      try {
        return new URL((JSON.parse(body) as { url?: string }).url ?? "", "http://x");
      } catch {
        return null;
      }
    })();
    const headers = new Headers(response.headers);
    if (url?.searchParams.get("error") === SIGN_IN_ERRORS.rateLimited) {
      headers.set("retry-after", String(env.loginIpWindowMinutes * 60));
      return new Response(body, { status: 429, headers });
    }
    return new Response(body, { status: response.status, headers });
  }
  return response;
}

export { handler as GET, handler as POST };
