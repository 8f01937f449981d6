// Builds the portal when the build is missing or older than the sources (used by `npm start` and the page bench).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p)) if (e !== "generated") max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

const SOURCES = ["app", "components", "prisma", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package.json"];

export function buildIfStale(root, env) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const stale = !fs.existsSync(buildId) || Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s)))) > fs.statSync(buildId).mtimeMs;
  if (!stale) return;
  console.log("[亮底] 正在构建（首次启动约需 1 分钟）…");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env,
    cwd: root,
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
