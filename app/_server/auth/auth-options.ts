import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { SIGN_IN_ERRORS } from "@/app/_domain/auth-policy";
import { readEnv, type Env } from "../env";
import { sessionCookie } from "./cookies";
import { clientIp, requestId } from "./request-context";
import { endSession } from "./session-store";
import { authenticate } from "./sign-in";
import { decodeSessionJwt } from "./session-jwt";

declare module "next-auth" {
  interface Session {
    uid?: string;
    sv?: number;
    sid?: string;
  }
  interface User {
    sv: number;
    sid: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
  }
}

/**
 * `request`: the client address and request id of the sign-in route's request, for the `auth.logout` audit
 * row (app/api/auth/[...nextauth]/route.ts builds the options per request; getServerSession needs none).
 */
export function buildAuthOptions(env: Env = readEnv(), request?: { ip: string | null; requestId: string }): NextAuthOptions {
  return {
    session: { strategy: "jwt", maxAge: env.sessionMaxAge },
    jwt: { decode: decodeSessionJwt },
    useSecureCookies: env.secureCookies,
    cookies: { sessionToken: sessionCookie(env) },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "用户名密码",
        credentials: {
          username: { label: "用户名", type: "text" },
          password: { label: "密码", type: "password" },
          code: { label: "动态验证码", type: "text" },
        },
        async authorize(credentials, req) {
          const headers = new Headers(req?.headers as Record<string, string> | undefined);
          const r = await authenticate(
            { username: credentials?.username ?? "", password: credentials?.password ?? "", code: credentials?.code },
            { ip: clientIp(headers), requestId: requestId(headers) },
          );
          if (r.ok) return { id: r.user.id, name: r.user.displayName, sv: r.user.sessionVersion, sid: r.sessionId };
          if (r.error === "refused") return null; // next-auth answers "CredentialsSignin"
          // The login form reads these codes (next-auth passes a thrown message through as `error`).
          throw new Error(
            r.error === "mfa-required"
              ? SIGN_IN_ERRORS.mfaRequired
              : r.error === "code-invalid"
                ? SIGN_IN_ERRORS.codeInvalid
                : SIGN_IN_ERRORS.rateLimited,
          );
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = user.sv;
          token.sid = user.sid;
        }
        return token;
      },
      session({ session, token }) {
        session.uid = token.uid;
        session.sv = token.sv;
        session.sid = token.sid;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        await endSession(token, request ?? { ip: null, requestId: crypto.randomUUID() });
      },
    },
  };
}

export const authOptions: NextAuthOptions = buildAuthOptions();
