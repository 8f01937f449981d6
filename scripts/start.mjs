// `npm start`: builds the portal when the build is missing or older than the sources, then serves it.
// With no DATABASE_URL it runs on the embedded database in ./data and creates demo data on first start.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { buildIfStale } from "./build-if-stale.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = env.PORT ?? "3000";
env.NEXTAUTH_URL ??= `http://localhost:${port}`;

if (!env.NEXTAUTH_SECRET) {
  if (env.DATABASE_URL) {
    console.error("[亮底] 使用 PostgreSQL 部署时必须设置 NEXTAUTH_SECRET（至少 32 个随机字符），例如：openssl rand -base64 48");
    process.exit(1);
  }
  // The embedded demo keeps a generated secret beside its database, so sessions survive a restart.
  const dataDir = path.resolve(env.LIANGDI_DATA_DIR ?? "data");
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(48).toString("base64"), { mode: 0o600 });
  env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

buildIfStale(root, env);

// scripts/serve.mjs rather than `next start`: it decides which X-Forwarded-* headers to believe first.
const child = spawn(process.execPath, ["scripts/serve.mjs"], { stdio: "inherit", env: { ...env, PORT: port, NODE_ENV: "production" } });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
