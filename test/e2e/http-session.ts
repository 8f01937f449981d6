import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_PASSWORD } from "./browser";

/**
 * Signing in over plain HTTP, as curl would: GET /api/auth/csrf, then POST the credentials with the
 * CSRF token. Returns the Cookie header of the session. Demo accounts are not forced through MFA.
 */
export async function httpSignIn(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const jar = new Map<string, string>();
  const absorb = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(baseUrl + "/api/auth/csrf");
  absorb(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(baseUrl + "/api/auth/callback/credentials", {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  absorb(res);
  if (![...jar.keys()].some((k) => k.endsWith("session-token")))
    throw new Error(`sign-in as ${username} failed: ${res.status} ${res.headers.get("location")}`);
  return cookie();
}

/**
 * A second portal on the same build with different settings (e.g. LIANGDI_PROXY_DISABLED=1), on its own port
 * and fresh demo database. Returns its base URL and a stop function.
 */
export async function startExtraPortal(
  port: number,
  extraEnv: Record<string, string>,
): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "liangdi-e2e-extra-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    LIANGDI_DATA_DIR: dataDir,
    LIANGDI_DEMO: "1",
    NODE_ENV: "production",
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_URL;
  delete env.NEXTAUTH_SECRET;
  const server: ChildProcess = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`extra portal exited (${server.exitCode}):\n${log}`);
    try {
      const r = await fetch(baseUrl + "/login");
      if (r.ok && log.includes("演示数据")) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`extra portal not ready after 240 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    baseUrl,
    async stop() {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
      await new Promise((r) => setTimeout(r, 500));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
