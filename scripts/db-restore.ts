// `npm run db:restore -- FILE`: restores a backup downloaded by the system admin (系统管理 → 下载数据库备份,
// GET /api/admin/backup) into the embedded database directory LIANGDI_DATA_DIR (./data), which must be empty
// or missing. Then checks it: the audit log's hash chain and each table's row count are printed. Exit code 0:
// restored and intact; 1: refused or failed; 2: usage. On PostgreSQL use pg_restore (README).
import fs from "node:fs";
import { checkAuditChain, describeChainReport } from "../app/_server/audit/audit-chain";
import { readEnv } from "../app/_server/env";
import { restoreDataDir, tableFingerprints } from "../app/_server/db/restore";

const [file] = process.argv.slice(2);
if (!file) {
  console.error("用法：npm run db:restore -- <备份文件.tar.gz>（恢复到 LIANGDI_DATA_DIR，默认 ./data，须为空目录）");
  process.exit(2);
}
const env = readEnv();
if (env.databaseUrl) {
  console.error(
    "已设置 DATABASE_URL（PostgreSQL）：请用 pg_restore 恢复 pg_dump 的备份（见 README“备份与恢复”）。本命令只恢复内嵌数据库。",
  );
  process.exit(1);
}
try {
  const db = await restoreDataDir(env.dataDir, fs.readFileSync(file));
  try {
    const tables = await db.withConnection((c) => tableFingerprints(c));
    const rows = Object.values(tables).reduce((n, t) => n + t.rows, 0);
    console.log(`已恢复到 ${env.dataDir}：${Object.keys(tables).length} 张表，共 ${rows} 行。`);
    for (const [name, t] of Object.entries(tables)) if (t.rows) console.log(`  ${name}: ${t.rows}`);
    const report = await checkAuditChain(db.prisma);
    console.log(describeChainReport(report));
    if (!report.ok) process.exitCode = 1;
  } finally {
    await db.close();
  }
} catch (e) {
  console.error(`恢复失败：${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
}
