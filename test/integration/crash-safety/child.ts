// The process test/integration/crash-safety.test.ts kills with SIGKILL. Started as the npm scripts start
// their tools: `tsx --conditions=react-server test/integration/crash-safety/child.ts <seed|run>`, on the
// embedded database in LIANGDI_DATA_DIR or on DATABASE_URL.
//   seed — opens the database as the server does at start-up (migrations, built-in catalogues, demo data).
//   run  — opens it the same way (after a crash: takes over the stale lock), then runs the scenario's steps
//          through the real use cases: upload 合肥市's missing month, accept it (recompute), upload a corrected
//          version of a month a year earlier, accept it (supersede, recompute of the months that read it),
//          import institutions. Every step is idempotent, so a restarted run finishes what a killed one began.
// Lines on stdout: `PHASE <step> begin|end`, `OP <step> <operation>` before each database operation of the
// scenario, with CRASH_CHECK=1 `CHECK <json>` (crash-invariants.ts) before the scenario and `CHECK-AFTER <json>`
// after it, then `DONE`.
// CRASH_AT="<step>|<text>": before the first operation of that step whose description holds the text, it prints
// `CRASH-POINT <operation>` and blocks, holding the use case's transaction open until the parent's SIGKILL.
import fs from "node:fs";
import { addMonths, currentPeriod, type Period } from "@/app/_domain/periods";
import { toLongCsv } from "@/app/_domain/sheets/long-csv";
import { warningKey } from "@/app/_domain/sheets/warning-key";
import type { Session } from "@/app/_server/auth/session";
import { loadRegionCatalogue } from "@/app/_server/catalogue/region-catalogue";
import { installDatabase } from "@/app/_server/db";
import type { PrismaClient } from "@/app/_server/generated/prisma/client";
import { importInstitutions } from "@/app/_server/admin/import-institutions";
import { reviewSheet } from "@/app/_server/sheets/review-sheet";
import { uploadSheet } from "@/app/_server/sheets/upload-sheet";
import { bootstrapDatabase } from "@/app/_server/system/bootstrap-database";
import { DEMO_REGIONS, demoInstitutionsOf } from "@/prisma/seed/demo-data";
import { demoAnomalyPlan, generateDemoMonth } from "@/prisma/seed/demo-sheets";
import { sessionOf } from "../../helpers/fixtures";
import { crashInvariants, IMPORT_FILE_NAME, importFile, SCENARIO_FILE_PREFIX } from "./crash-invariants";

const say = (line: string) => fs.writeSync(1, line + "\n");
const t0 = performance.now();
const elapsed = () => `${Math.round(performance.now() - t0)} ms`;
const mode = process.argv[2];
const [crashStep, crashText] = (process.env.CRASH_AT ?? "").split("|");
let phase = "";

const { db: opened } = await bootstrapDatabase();
say(`OPEN ${elapsed()}`);
if (mode === "seed") {
  await opened.close();
  say("DONE");
  process.exit(0);
}

const prisma = opened.prisma.$extends({
  query: {
    async $allOperations({ model, operation, args, query }) {
      const op = `${model ?? ""}.${operation} ${describe(args)}`;
      say(`OP ${phase} ${op}`);
      if (crashText && phase === crashStep && op.includes(crashText)) {
        say(`CRASH-POINT ${op}`);
        // Hold the thread (and with it the open transaction) until the parent's SIGKILL arrives.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
        say("NOT KILLED");
        process.exit(3);
      }
      return query(args);
    },
  },
}) as unknown as PrismaClient;

/** A raw operation's SQL (its start; `?` for a tagged template's parameters), nothing for a model operation. */
function describe(args: unknown): string {
  const first = Array.isArray(args) ? args[0] : args;
  const sql = typeof first === "string" ? first : (first as { strings?: string[] } | undefined)?.strings?.join("?");
  return typeof sql === "string" ? sql.replace(/\s+/g, " ").trim().slice(0, 60) : "";
}

if (process.env.CRASH_CHECK === "1") say(`CHECK ${JSON.stringify(await crashInvariants(opened.prisma))}`);
installDatabase({ ...opened, prisma });

const user = async (username: string): Promise<Session> => sessionOf(await prisma.user.findUniqueOrThrow({ where: { username } }));
const [entry, reviewer, admin] = [await user("hf_entry"), await user("hf_reviewer"), await user("sysadmin")];
const hefei = DEMO_REGIONS.find((r) => r.code === "340100")!;
const region = await prisma.region.findUniqueOrThrow({ where: { code: hefei.code } });
const catalogue = (await loadRegionCatalogue(prisma, region.id)).indicators;
const last = addMonths(currentPeriod(new Date()), -1);

/**
 * 合肥市's sheet of `period` from the demo generator; `corrected`: with a rate of every institution lowered by
 * a tenth, a correction of a stored month that changes its metrics and those of the months that read it.
 */
function sheetFile(period: Period, corrected = false) {
  const rows = generateDemoMonth({
    catalogue,
    region: { code: hefei.code, scale: hefei.scale },
    institutions: demoInstitutionsOf(hefei),
    period,
    anomalies: demoAnomalyPlan(last),
  });
  const rate = catalogue.find((i) => i.formula === null && i.basis === "RATE" && i.scope !== "REGION");
  if (corrected && rate)
    for (const r of rows) if (r.indicatorCode === rate.code && r.value !== null) r.value = Math.max(0, Number(r.value) - 0.1).toFixed(2);
  return {
    fileName: `${SCENARIO_FILE_PREFIX}合肥市-${period}.csv`,
    bytes: Buffer.from(toLongCsv(rows.map((x) => ({ regionCode: hefei.code, period, ...x }))), "utf8"),
  };
}

/** Uploads a file, explaining each warning; returns the stored version (a file stored before: the same one). */
async function upload(file: { fileName: string; bytes: Buffer }): Promise<string> {
  const first = await uploadSheet(entry, { source: { kind: "file", ...file } });
  if (first.ok && !first.dryRun) return first.versionId;
  if (first.ok || first.stage !== "warnings") throw new Error(`upload refused: ${JSON.stringify(first.report.errors.slice(0, 3))}`);
  const explanations = Object.fromEntries(first.report.warnings.map((w) => [warningKey(w), "崩溃测试：已与填报单位核实。"]));
  const second = await uploadSheet(entry, { source: { kind: "file", ...file }, explanations });
  if (!second.ok || second.dryRun) throw new Error(`upload refused: ${JSON.stringify(second)}`.slice(0, 500));
  return second.versionId;
}

async function accept(versionId: string) {
  const { status } = await prisma.sheetVersion.findUniqueOrThrow({ where: { id: versionId }, select: { status: true } });
  if (status === "VALIDATED") await reviewSheet(reviewer, { versionId, decision: "ACCEPT", comment: "崩溃测试" });
}

async function step(name: string, run: () => Promise<unknown>) {
  phase = name;
  say(`PHASE ${name} begin ${elapsed()}`);
  await run();
  say(`PHASE ${name} end ${elapsed()}`);
}

let newMonth = "";
let corrected = "";
await step("upload-new", async () => (newMonth = await upload(sheetFile(last))));
await step("accept-new", () => accept(newMonth));
await step("upload-correction", async () => (corrected = await upload(sheetFile(addMonths(last, -12), true))));
await step("accept-correction", () => accept(corrected));
await step("import", async () => {
  const result = await importInstitutions(admin, { fileName: IMPORT_FILE_NAME, bytes: importFile() });
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.issues.slice(0, 3))}`);
});
if (process.env.CRASH_CHECK === "1") say(`CHECK-AFTER ${JSON.stringify(await crashInvariants(opened.prisma))}`);
await opened.close();
say("DONE");
