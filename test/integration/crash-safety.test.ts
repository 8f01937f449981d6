import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "@/app/_server/db/data-dir-lock";
import type { CrashReport } from "./crash-safety/crash-invariants";
import { TEST_DB_KIND, TEST_PG_URL, testDatabaseName } from "../helpers/test-database";

/**
 * Issue 16, item 6: the portal's process is killed with SIGKILL in the middle of an upload, an accept (with
 * its recompute) and an import of institutions, and started again. A real child process (crash-safety/child.ts,
 * on the demo data) runs the real use cases and is killed at six points, each inside a use case's
 * transaction (or just after one committed); each restart opens the same database — on PGlite taking over
 * the dead process's lock, with a message — and checks crash-invariants.ts before resuming the scenario: no
 * partial version, no half-recomputed month, no lost audit row, the audit chain intact. The points follow one
 * another on one database, as repeated crashes of one deployment would.
 */
const CHILD = path.resolve("test/integration/crash-safety/child.ts");

type Env = Record<string, string>;

interface ChildRun {
  stdout: string[];
  stderr: string;
  signal: NodeJS.Signals | null;
  code: number | null;
  /** The reports of crash-invariants.ts before the scenario and, when it ran to its end, after it. */
  check?: CrashReport;
  after?: CrashReport;
}

/**
 * Runs the child (node with tsx's loader, as `tsx --conditions=react-server` runs the npm scripts, but as one
 * process: the one that opens the database is the one killed). With `crashAt` it is killed by SIGKILL as soon
 * as it reports that point; `whileBlocked` runs first, while it holds the database.
 */
function runChild(env: Env, args: { mode: "seed" | "run"; crashAt?: string; whileBlocked?: () => void }): Promise<ChildRun> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", CHILD, args.mode], {
    env: { ...process.env, ...env, LIANGDI_DEMO: "1", CRASH_CHECK: "1", CRASH_AT: args.crashAt ?? "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const run: ChildRun = { stdout: [], stderr: "", signal: null, code: null };
  child.stderr.on("data", (d) => (run.stderr += d));
  createInterface({ input: child.stdout }).on("line", (line) => {
    run.stdout.push(line);
    if (line.startsWith("CHECK ")) run.check = JSON.parse(line.slice(6));
    if (line.startsWith("CHECK-AFTER ")) run.after = JSON.parse(line.slice(12));
    if (line.startsWith("CRASH-POINT ")) {
      try {
        args.whileBlocked?.();
      } finally {
        child.kill("SIGKILL");
      }
    }
  });
  return new Promise((resolve) =>
    child.on("close", (code, signal) => {
      run.code = code;
      run.signal = signal;
      resolve(run);
    }),
  );
}

function runScript(script: string, env: Env): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

const explain = (run: ChildRun) =>
  `exit ${run.code ?? run.signal}\n${run.stdout.filter((l) => !l.startsWith("OP ")).join("\n")}\n${run.stderr.slice(-3000)}`;

/** Where the child is killed ("<scenario step>|<text of the operation>") and what must be stored after it. */
const POINTS: { at: string; what: string; after: Pick<CrashReport, "scenarioVersions" | "scenarioAccepted" | "imported"> }[] = [
  {
    at: 'upload-new|INSERT INTO "SheetValueSet"',
    what: "upload: the version row written, its values not",
    after: { scenarioVersions: 0, scenarioAccepted: 0, imported: false },
  },
  {
    at: "accept-new|SheetVersion.findUniqueOrThrow",
    what: "just after the upload committed",
    after: { scenarioVersions: 1, scenarioAccepted: 0, imported: false },
  },
  {
    at: "upload-correction|AuditEvent.create",
    what: "upload of a correction: everything written but its audit row",
    after: { scenarioVersions: 1, scenarioAccepted: 1, imported: false },
  },
  {
    at: 'accept-correction|INSERT INTO "MetricSet"',
    what: "accept of the correction: the old version superseded, the months that read it deleted, not yet recomputed",
    after: { scenarioVersions: 2, scenarioAccepted: 1, imported: false },
  },
  {
    at: "accept-correction|AuditEvent.create",
    what: "accept of the correction: recomputed, drafts refreshed, audit row not written",
    after: { scenarioVersions: 2, scenarioAccepted: 1, imported: false },
  },
  {
    at: 'import|UPDATE "Institution"',
    what: "import: 1,200 institutions created, the updates and the audit row not written",
    after: { scenarioVersions: 2, scenarioAccepted: 2, imported: false },
  },
];

describe(`crash safety: SIGKILL mid-transaction, then restart (${TEST_DB_KIND})`, () => {
  let env: Env;
  let dataDir: string | undefined;
  let dropDatabase = async () => {};

  beforeAll(async () => {
    if (TEST_PG_URL) {
      const name = testDatabaseName();
      const admin = new pg.Client({ connectionString: TEST_PG_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(TEST_PG_URL);
      url.pathname = "/" + name;
      env = { DATABASE_URL: url.toString(), LIANGDI_DATA_DIR: "" };
      dropDatabase = async () => {
        const a = new pg.Client({ connectionString: TEST_PG_URL });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      };
    } else {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "liangdi-crash-"));
      env = { DATABASE_URL: "", LIANGDI_DATA_DIR: dataDir };
    }
    // First start: migrations, built-in catalogues, demo data (27 months of 3 regions).
    const seeded = await runChild(env, { mode: "seed" });
    expect(seeded.code, explain(seeded)).toBe(0);
  }, 600_000);

  afterAll(async () => {
    await dropDatabase().catch(() => {});
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("killed at 6 points inside an upload, an accept with its recompute and an import: every restart finds each transaction whole or absent, the audit chain intact", async () => {
    let previous: (typeof POINTS)[number] | undefined;
    let seededMonths = 0;
    for (const point of POINTS) {
      let refusal: unknown;
      const run = await runChild(env, {
        mode: "run",
        crashAt: point.at,
        // While the killed process still runs, it holds the data directory: another process is refused.
        whileBlocked: () => {
          if (!dataDir) return;
          try {
            lockDataDir(dataDir)();
          } catch (e) {
            refusal = e;
          }
        },
      });
      expect(run.signal, `${point.what}: ${explain(run)}`).toBe("SIGKILL");
      expect(
        run.stdout.some((l) => l.startsWith("CRASH-POINT ")),
        point.what,
      ).toBe(true);
      if (dataDir) expect(refusal, point.what).toBeInstanceOf(DataDirLockedError);
      if (previous) checkRestart(run, previous);
      else {
        // The first start's demo data: whole too (its metrics from one computation per month).
        expect(run.check?.problems, explain(run)).toEqual([]);
        seededMonths = run.check!.months;
      }
      previous = point;
    }
    // The last restart runs the scenario to its end: the database is whole and everything got done once.
    const last = await runChild(env, { mode: "run" });
    expect(last.code, explain(last)).toBe(0);
    checkRestart(last, previous!);
    expect(last.after).toMatchObject({ problems: [], scenarioVersions: 2, scenarioAccepted: 2, imported: true });
    expect(last.after!.months, "合肥市's new month has metrics").toBe(seededMonths + 1);
    // And `npm run audit:verify` agrees.
    const verify = await runScript("scripts/audit-verify.ts", env);
    expect(verify.code, verify.output).toBe(0);
  }, 900_000);

  /** What a restart after a kill at `point` found. */
  function checkRestart(run: ChildRun, point: (typeof POINTS)[number]) {
    if (dataDir) {
      expect(run.stderr, `restart after ${point.what}`).toContain(`数据目录 ${dataDir} 的锁属于已不在运行的进程`);
      expect(run.stderr).toContain("Taking over the stale lock");
    }
    expect(run.check, `restart after ${point.what}: ${explain(run)}`).toBeDefined();
    expect(run.check!.problems, `restart after ${point.what}`).toEqual([]);
    expect(
      { scenarioVersions: run.check!.scenarioVersions, scenarioAccepted: run.check!.scenarioAccepted, imported: run.check!.imported },
      `restart after ${point.what}`,
    ).toEqual(point.after);
    expect(run.check!.versions).toBeGreaterThanOrEqual(80);
    expect(run.check!.months).toBeGreaterThanOrEqual(80);
  }
});
