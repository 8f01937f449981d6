import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

/**
 * Starts the real portal for the end-to-end tests exactly as a newcomer would (`npm start`: build when
 * needed, then serve), on its own port and a fresh embedded database with demo data, and stops it after.
 * Fails when the build or the start prints a warning.
 */
declare module "vitest" {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

let server: ChildProcess | undefined;

export default async function setup(project: TestProject) {
  const port = Number(process.env.LIANGDI_E2E_PORT ?? 3217);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "liangdi-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    LIANGDI_DATA_DIR: dataDir,
    LIANGDI_DEMO: "1",
    NODE_ENV: "production",
  };
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_URL;
  delete env.NEXTAUTH_SECRET;
  server = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`portal exited (${server.exitCode}) before it was ready:\n${log}`);
    try {
      const r = await fetch(baseUrl + "/login");
      if (r.ok && log.includes("演示数据")) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`portal not ready after 240 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  // A newcomer reads any warning of the build or start as something broken: none may appear. The one
  // exception is Next's advice to keep a build cache, printed only under CI (CI=true) on a clean clone.
  const warnings = log
    .split("\n")
    .filter((line) => /^\s*⚠|with warnings/i.test(line))
    .filter((line) => !line.includes("No build cache found"));
  if (warnings.length) {
    process.kill(-server.pid!, "SIGTERM");
    throw new Error(`the portal's build or start printed warnings (fix them):\n${warnings.join("\n")}\n\n${log}`);
  }
  project.provide("e2eBaseUrl", baseUrl);
  return async () => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
