// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database in
// LIANGDI_DATA_DIR (./data) when the portal is not running (the directory lock refuses otherwise).
import { readEnv } from "../app/_server/env";
import { migrate } from "../app/_server/db/migrate";
import { openDatabase } from "../app/_server/db/open";

const env = readEnv();
const db = await openDatabase(env.databaseUrl ? { kind: "postgres", url: env.databaseUrl } : { kind: "pglite", dataDir: env.dataDir });
try {
  const applied = await db.withConnection((c) => migrate(c));
  console.log(applied.length ? `已执行迁移：\n  ${applied.join("\n  ")}` : "数据库已是最新，无待执行的迁移。");
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await db.close();
}
