import type { Env } from "../env";

/** The session cookie: HttpOnly, SameSite=Lax, Secure (and `__Secure-` named) when served over https. */
export function sessionCookie(env: Pick<Env, "secureCookies" | "sessionMaxAge">) {
  return {
    name: env.secureCookies ? "__Secure-next-auth.session-token" : "next-auth.session-token",
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: env.secureCookies, maxAge: env.sessionMaxAge },
  };
}
