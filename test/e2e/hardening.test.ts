import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "./browser";
import { httpSignIn, startExtraPortal } from "./http-session";

/**
 * Issue 16 (an outside test), through the real server over HTTP: which client address and host the portal
 * believes (finding 3), server actions from other origins, a replayed cookie after sign-out and the
 * rate-limited sign-in (finding 5). A portal of its own, since it exhausts the per-address sign-in limit
 * (set to 3 here) of 127.0.0.1.
 */
let portal: Awaited<ReturnType<typeof startExtraPortal>>;
const base = () => portal.baseUrl;
const EVIL = "http://evil.example";

beforeAll(async () => {
  portal = await startExtraPortal(Number(process.env.LIANGDI_E2E_PORT ?? 3217) + 1, { LIANGDI_LOGIN_IP_MAX_FAILURES: "3" });
}, 240_000);
afterAll(async () => portal?.stop());

async function tryCredentials(username: string, password: string, headers: Record<string, string>) {
  const csrf = await fetch(base() + "/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return fetch(base() + "/api/auth/callback/credentials", {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: base(), ...headers },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
}

describe("issue 16 over HTTP", () => {
  let auditor = "";

  it("[ANON][security]: a server action posted from a foreign, opaque or missing Origin gets 403 in Chinese", async () => {
    const action = { "next-action": "7f".padEnd(42, "0"), "content-type": "text/plain;charset=UTF-8" };
    for (const origin of [EVIL, "null", undefined]) {
      const res = await fetch(base() + "/login", { method: "POST", headers: { ...action, ...(origin ? { origin } : {}) }, body: "[]" });
      expect(res.status, String(origin)).toBe(403);
      expect((await res.json()).error).toBe("跨站请求被拒绝。");
    }
    // Our own origin passes the check (and Next then looks for the action).
    const own = await fetch(base() + "/login", { method: "POST", headers: { ...action, origin: base() }, body: "[]" });
    expect(own.status).not.toBe(403);
  });

  it("[ANON][security]: a client's X-Forwarded-Host does not make a foreign Origin ours", async () => {
    const res = await fetch(base() + "/api/admin/institutions/import", {
      method: "POST",
      headers: { origin: EVIL, "x-forwarded-host": "evil.example", "content-type": "multipart/form-data; boundary=x" },
      body: "--x--\r\n",
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toBe("跨站请求被拒绝。");
  });

  it("[DATA_ENTRY][auth]: after sign-out a replayed cookie gets no session, and auth.logout records the socket's address", async () => {
    auditor = await httpSignIn(base(), "auditor");
    const entry = await httpSignIn(base(), "hf_entry");
    const before = await (await fetch(base() + "/api/auth/session", { headers: { cookie: entry } })).json();
    expect(before.uid).toBeTruthy();

    const { csrfToken } = (await (await fetch(base() + "/api/auth/csrf", { headers: { cookie: entry } })).json()) as { csrfToken: string };
    const out = await fetch(base() + "/api/auth/signout", {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: entry, origin: base(), "x-forwarded-for": "10.9.9.9" },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    expect(out.status).toBeLessThan(400);

    const replay = await fetch(base() + "/api/auth/session", { headers: { cookie: entry } });
    expect(await replay.json()).toEqual({});
  });

  it("[ANON][auth]: rotating X-Forwarded-For does not dodge the per-address limit; the refusal is 429 with Retry-After", async () => {
    for (let i = 1; i <= 3; i++) {
      const res = await tryCredentials(`nobody${i}`, "wrong-password", { "x-forwarded-for": `10.0.0.${i}` });
      expect(res.status).toBe(401);
    }
    const refused = await tryCredentials("hf_reviewer", DEMO_PASSWORD, { "x-forwarded-for": "10.0.0.99" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(new URL((await refused.json()).url).searchParams.get("error")).toBe("RATE_LIMITED");
    expect(refused.headers.getSetCookie().some((c) => c.includes("session-token="))).toBe(false);
  });

  it("[AUDIT_ADMIN][audit]: the audit rows carry the socket's address, never a client-sent X-Forwarded-For", async () => {
    const res = await fetch(base() + "/api/audit/export?format=csv&action=auth.", { headers: { cookie: auditor } });
    expect(res.status).toBe(200);
    const lines = (await res.text()).split("\r\n");
    const logout = lines.filter((l) => l.includes(",auth.logout,"));
    expect(logout.length).toBe(1);
    expect(logout[0]).toContain(",127.0.0.1,");
    const failures = lines.filter((l) => l.includes(",auth.login,") && l.includes("rate-limited"));
    expect(failures.length).toBe(1);
    expect(failures[0]).toContain(",127.0.0.1,");
    expect(lines.filter((l) => /10\.0\.0\.|10\.9\.9\.9/.test(l))).toEqual([]);
  });
});
