// `npm test`: every test, in order — type check, format check, unit, integration on in-memory PGlite, integration again on
// PostgreSQL when LIANGDI_TEST_PG_URL is set (CI sets it), then end-to-end in Chromium against the built portal.
// Ends with the list of what failed (a step, or a test with its file) and one summary line "tests: N passed, N failed",
// so that the tail of a long log is enough to know what to fix.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "liangdi-test-"));
let passed = 0;
let failed = 0;
let ok = true;
const failures = [];

function step(title, cmd, args, extraEnv = {}) {
  console.log(`\n━━ ${title}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (r.status !== 0) ok = false;
  return r.status === 0;
}

function vitest(title, project, extraEnv = {}) {
  const out = path.join(reports, `${title.replace(/\W+/g, "-")}.json`);
  const before = failures.length;
  const passes = step(
    title,
    process.execPath,
    ["node_modules/vitest/vitest.mjs", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
    extraEnv,
  );
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numTotalTestSuites > 0 && r.numTotalTests === 0 ? 1 : 0);
    for (const file of r.testResults ?? []) {
      const name = path.relative(root, file.name);
      const bad = (file.assertionResults ?? []).filter((t) => t.status === "failed");
      for (const t of bad) failures.push(`${title}: ${name} › ${t.fullName ?? t.title}`);
      if (bad.length === 0 && file.status === "failed") failures.push(`${title}: ${name} (${file.message || "未能运行"})`);
    }
  } else failed += 1;
  if (!passes && failures.length === before) failures.push(title);
}

function check(title, cmd, args) {
  if (step(title, cmd, args)) return;
  failed += 1;
  failures.push(title);
}

check("类型检查 typecheck", process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit"]);
// Prettier (.prettierrc.json) names every file that is not formatted; `npm run format` formats them.
check("格式检查 format (npm run format 可修正)", process.execPath, [
  "node_modules/prettier/bin/prettier.cjs",
  "--check",
  "**/*.{ts,tsx,mjs,js,css}",
]);
vitest("unit", "unit");
vitest("integration (PGlite)", "integration", { LIANGDI_TEST_PG_URL: "" });
if (process.env.LIANGDI_TEST_PG_URL) vitest("integration (PostgreSQL)", "integration");
else console.log("\n(LIANGDI_TEST_PG_URL 未设置：跳过 PostgreSQL 上的集成测试；CI 会运行它们)");
if (!fs.existsSync(process.env.LIANGDI_CHROMIUM ?? "/usr/bin/chromium")) {
  console.error("\n未找到 Chromium（/usr/bin/chromium）：端到端测试需要它。请先安装：sudo apt-get install -y chromium fonts-wqy-microhei");
  failed += 1;
  failures.push("Chromium 未安装");
  ok = false;
} else vitest("end-to-end (Chromium)", "e2e");

if (failures.length > 0) console.log(`\n失败 failed:\n${failures.map((f) => `  ✗ ${f}`).join("\n")}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
