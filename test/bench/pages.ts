// `npm run bench -- pages`: how fast the production build serves pages (issue 13). Builds once when stale, starts
// the production server (scripts/serve.mjs, as `npm start` does) on a fresh demo database — embedded PGlite, and PostgreSQL too when
// LIANGDI_TEST_PG_URL is set — and measures in one run, against the same server's trivial dynamic route
// (GET /api/auth/csrf, the machine's ceiling): single warm requests, HTML size, throughput and latency at 50
// connections, errors at 200, and the JS + CSS a cold browser load of each role's home page transfers. The
// hospital dashboard (/inbox/{id}: the hospital's newest publication, served from its frozen snapshot) is
// measured like the inbox (issue 11). Single requests also report the server's CPU time per request: its process's,
// and its main thread's (the request's own work, without V8's helper threads collecting garbage beside it).
// BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server (node --cpu-prof) for the whole run.
// Results go to bench-results/pages-<db>.json. A benchmark measures; it never fails on time.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { chromium } from "playwright-core";
import { buildIfStale } from "../../scripts/build-if-stale.mjs";
import { CHROMIUM } from "../e2e/browser";
import { httpSignIn } from "../e2e/http-session";
import { procStat } from "./proc-stat";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const PORT = Number(process.env.BENCH_PORT ?? 3290);
const base = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);

/** Page → the demo user who reads it (the hospital's pages first: they carry the release-morning load). */
const PAGES: [string, string | null][] = [
  ["/api/auth/csrf", null],
  ["/login", null],
  ["/inbox", "hf_hospital"],
  ["/account/security", "hf_hospital"],
  ["/workbench", "hf_entry"],
  ["/sheets", "hf_entry"],
  ["/metrics", "hf_reviewer"],
  ["/supervise", "ah_supervisor"],
  ["/admin", "sysadmin"],
  ["/audit", "auditor"],
];
const DASHBOARD = "/inbox/{id}";
const HOMES: [string, string][] = [
  ["hf_hospital", "/inbox"],
  ["hf_hospital", DASHBOARD],
  ["hf_entry", "/workbench"],
  ["ah_supervisor", "/supervise"],
  ["sysadmin", "/admin"],
];
const LOADS: [string, string | null, number][] = [
  ["/api/auth/csrf", null, 50],
  ["/login", null, 50],
  ["/inbox", "hf_hospital", 50],
  [DASHBOARD, "hf_hospital", 50],
  ["/inbox", "hf_hospital", 200],
  [DASHBOARD, "hf_hospital", 200],
];

/** The CPU time so far (user + system) of the server's process group (it was started detached), in ms. */
function serverCpuMs(group: number): number {
  let ms = 0;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    const stat = procStat(`/proc/${pid}/stat`);
    if (stat?.group === group) ms += stat.cpuMs;
  }
  return ms;
}

/**
 * The CPU time so far of the server's main thread, in ms: the request's own work (rendering, and on PGlite the
 * database too). The process's figure also counts V8's helper threads collecting garbage on the other core.
 */
function serverMainThreadCpuMs(pid: number): number {
  return procStat(`/proc/${pid}/task/${pid}/stat`)!.cpuMs;
}

async function startServer(kind: "pglite" | "postgresql"): Promise<{ pid: number; stop: () => Promise<void> }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    NODE_ENV: "production",
    LIANGDI_DEMO: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123456789",
  };
  let cleanup = async () => {};
  if (kind === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liangdi-bench-pages-"));
    env.LIANGDI_DATA_DIR = dir;
    delete env.DATABASE_URL;
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const admin = new pg.Client({ connectionString: process.env.LIANGDI_TEST_PG_URL });
    await admin.connect();
    const name = `liangdi_bench_pages_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.LIANGDI_TEST_PG_URL!);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    cleanup = async () => (await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`), await admin.end());
  }
  const prof = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  // scripts/serve.mjs, as `npm start` serves (its admission control is part of what is measured).
  const server = spawn(process.execPath, [...prof, path.join(root, "scripts/serve.mjs")], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));
  const fail = async (why: string) => {
    if (server.exitCode === null) process.kill(-server.pid!, "SIGTERM");
    await cleanup();
    throw new Error(`${why}:\n${log.slice(0, 3000)}`);
  };
  for (const deadline = Date.now() + 300_000; ;) {
    if (server.exitCode !== null) await fail("server exited");
    if (log.includes("演示数据")) {
      const r = await fetch(base + "/login").catch(() => null);
      if (r?.ok) break;
    }
    if (Date.now() > deadline) await fail("server not ready");
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    pid: server.pid!,
    async stop() {
      process.kill(-server.pid!, "SIGTERM");
      await new Promise((r) => server.once("exit", r));
      await cleanup();
    },
  };
}

async function timeOne(url: string, cookie: string | null): Promise<{ ms: number; bytes: number; status: number }> {
  const t0 = performance.now();
  const r = await fetch(base + url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const body = await r.arrayBuffer();
  return { ms: performance.now() - t0, bytes: body.byteLength, status: r.status };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function run(kind: "pglite" | "postgresql") {
  const server = await startServer(kind);
  const results: Record<string, unknown> = { db: kind, date: new Date().toISOString(), cpus: os.cpus().length };
  try {
    const cookies = new Map<string, string>();
    for (const u of new Set(PAGES.map(([, u]) => u).filter((u): u is string => !!u))) cookies.set(u, await httpSignIn(base, u));
    // The hospital's newest quarterly release (its largest regular publication; a fixed kind, so runs compare).
    const list = await fetch(base + "/api/v1/publications?kind=QUARTERLY_RELEASE", {
      headers: { cookie: cookies.get("hf_hospital")! },
    }).then((r) => r.json());
    const dashboard = `/inbox/${list.publications[0].id}`;
    const at = (url: string) => (url === DASHBOARD ? dashboard : url);
    const single: Record<
      string,
      { medianMs: number; cpuMsPerRequest: number; mainThreadCpuMsPerRequest: number; htmlKb: number; status: number }
    > = {};
    for (const [url, user] of [...PAGES, [DASHBOARD, "hf_hospital"] as const]) {
      const cookie = user ? cookies.get(user)! : null;
      for (let i = 0; i < 20; i++) await timeOne(at(url), cookie); // warm: compiled routes, caches, JIT
      const runs = [];
      const cpu0 = serverCpuMs(server.pid);
      const main0 = serverMainThreadCpuMs(server.pid);
      for (let i = 0; i < 50; i++) runs.push(await timeOne(at(url), cookie));
      const perRequest = (ms: number) => Math.round(ms / 5) / 10;
      single[url] = {
        medianMs: Math.round(median(runs.map((r) => r.ms)) * 10) / 10,
        cpuMsPerRequest: perRequest(serverCpuMs(server.pid) - cpu0),
        mainThreadCpuMsPerRequest: perRequest(serverMainThreadCpuMs(server.pid) - main0),
        htmlKb: Math.round(runs[0].bytes / 102.4) / 10,
        status: runs[0].status,
      };
      const r = single[url];
      console.log(
        `${kind} single ${url.padEnd(20)} ${String(r.medianMs).padStart(6)} ms  cpu ${r.cpuMsPerRequest} ms (main thread ${r.mainThreadCpuMsPerRequest} ms)  ${r.htmlKb} KB (${r.status})`,
      );
    }
    results.single = single;
    const load: Record<string, unknown> = {};
    for (const [url, user, connections] of LOADS) {
      const r = await autocannon({
        url: base + at(url),
        connections,
        duration: DURATION,
        headers: user ? { cookie: cookies.get(user)! } : {},
      });
      const key = `${url} @${connections}`;
      load[key] = {
        reqPerSec: Math.round(r.requests.average),
        p50: r.latency.p50,
        p90: r.latency.p90,
        p97_5: r.latency.p97_5,
        p99: r.latency.p99,
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
      };
      console.log(`${kind} load ${key.padEnd(24)} ${JSON.stringify(load[key])}`);
    }
    results.load = load;
    results.pageWeight = await pageWeight(cookies, at);
  } finally {
    await server.stop();
  }
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(`bench-results/pages-${kind}.json`, JSON.stringify(results, null, 2) + "\n");
}

/** A cold load (fresh browser context) of each role's home page: the JS and CSS it transfers, compressed. */
async function pageWeight(cookies: Map<string, string>, at: (url: string) => string) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const out: Record<string, { scripts: number; stylesheets: number; jsKb: number; cssKb: number; totalKb: number }> = {};
  try {
    for (const [user, url] of HOMES) {
      const context = await browser.newContext();
      const cookie = cookies.get(user) ?? (await httpSignIn(base, user));
      await context.addCookies(
        cookie.split("; ").map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1), url: base })),
      );
      const page = await context.newPage();
      const sizes: Promise<{ type: string; bytes: number }>[] = [];
      page.on("requestfinished", (req) => {
        const type = req.resourceType();
        if (type === "script" || type === "stylesheet") sizes.push(req.sizes().then((s) => ({ type, bytes: s.responseBodySize })));
      });
      await page.goto(base + at(url), { waitUntil: "networkidle" });
      const all = await Promise.all(sizes);
      const kb = (t: string) => Math.round(all.filter((s) => s.type === t).reduce((a, s) => a + s.bytes, 0) / 1024);
      out[url] = {
        scripts: all.filter((s) => s.type === "script").length,
        stylesheets: all.filter((s) => s.type === "stylesheet").length,
        jsKb: kb("script"),
        cssKb: kb("stylesheet"),
        totalKb: kb("script") + kb("stylesheet"),
      };
      console.log(`weight ${url.padEnd(12)} ${JSON.stringify(out[url])}`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

buildIfStale(root, { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
await run("pglite");
if (process.env.LIANGDI_TEST_PG_URL) await run("postgresql");
