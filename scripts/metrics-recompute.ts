// `npm run metrics:recompute -- <regionCode>`: recomputes a region's derived metrics from scratch from its accepted
// sheets and reports whether the results are identical to what was stored (how many values changed). Works on
// DATABASE_URL, or on the embedded database in LIANGDI_DATA_DIR (./data) when the portal is not running: the
// directory lock refuses otherwise, since two processes on one PGlite directory corrupt it.
import { readEnv } from "../app/_server/env";
import { migrate } from "../app/_server/db/migrate";
import { openDatabase, type OpenDatabase } from "../app/_server/db/open";
import { recomputeAndCompare } from "../app/_server/metrics/recompute-and-compare";

const [regionCode] = process.argv.slice(2);
if (!regionCode || !/^\d{6}$/.test(regionCode)) {
  console.error("用法：npm run metrics:recompute -- <统筹区编码，6 位数字，如 340100>");
  process.exit(2);
}
const env = readEnv();
let db: OpenDatabase;
try {
  db = await openDatabase(env.databaseUrl ? { kind: "postgres", url: env.databaseUrl } : { kind: "pglite", dataDir: env.dataDir });
} catch (e) {
  console.error(`无法打开数据库：${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
try {
  await db.withConnection((c) => migrate(c));
  const t0 = performance.now();
  const r = await recomputeAndCompare(db.prisma, regionCode);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`${r.region.name}（${r.region.code}）：重算 ${r.periods} 个月、${r.rows} 个指标值，用时 ${seconds} 秒。`);
  if (r.changed === 0 && r.added === 0 && r.removed === 0) console.log("结果与原存储值完全一致（变化 0 个）。");
  else {
    console.log(`结果与原存储值不一致：变化 ${r.changed} 个，新增 ${r.added} 个，删除 ${r.removed} 个（已按重算结果保存）。`);
    for (const e of r.examples) console.log(`  ${e}`);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await db.close();
}
