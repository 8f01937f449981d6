// `npm run audit:verify`: walks the audit log's hash chain in DATABASE_URL, or in the embedded database in
// LIANGDI_DATA_DIR (./data) when the portal is not running (the directory lock refuses otherwise; use the
// 校验哈希链 button on the audit page then). Read-only. Exit code 0: intact; 1: tampered (the first broken row
// is printed); 2: could not check. `--json` prints the report as JSON.
import { checkAuditChain, describeChainReport } from "../app/_server/audit/audit-chain";
import { readEnv } from "../app/_server/env";
import { openDatabase } from "../app/_server/db/open";

const env = readEnv();
const json = process.argv.includes("--json");
let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
try {
  db = await openDatabase(env.databaseUrl ? { kind: "postgres", url: env.databaseUrl } : { kind: "pglite", dataDir: env.dataDir });
  const report = await checkAuditChain(db.prisma);
  console.log(json ? JSON.stringify(report, null, 2) : describeChainReport(report));
  process.exitCode = report.ok ? 0 : 1;
} catch (e) {
  console.error("无法校验审计日志：", e instanceof Error ? e.message : e);
  process.exitCode = 2;
} finally {
  await db?.close();
}
