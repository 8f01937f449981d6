// `npm run create-admin -- <username> <SYSTEM_ADMIN|SECURITY_ADMIN|AUDIT_ADMIN> [姓名]`, with the initial
// password in LIANGDI_ADMIN_PASSWORD. For a new deployment: creates the first admin accounts (三员: one each).
import { readEnv } from "../app/_server/env";
import { migrate } from "../app/_server/db/migrate";
import { openDatabase } from "../app/_server/db/open";
import { bootstrapAdmin } from "../app/_server/system/bootstrap-admin";
import type { Role } from "../app/_domain/roles";

const [username, role, displayName] = process.argv.slice(2);
const password = process.env.LIANGDI_ADMIN_PASSWORD ?? "";
if (!username || !role || !password) {
  console.error("用法：LIANGDI_ADMIN_PASSWORD='…' npm run create-admin -- <用户名> <SYSTEM_ADMIN|SECURITY_ADMIN|AUDIT_ADMIN> [姓名]");
  process.exit(2);
}
const env = readEnv();
const db = await openDatabase(env.databaseUrl ? { kind: "postgres", url: env.databaseUrl } : { kind: "pglite", dataDir: env.dataDir });
try {
  await db.withConnection((c) => migrate(c));
  await bootstrapAdmin(db.prisma, { username, role: role as Role, displayName: displayName ?? username, password });
  console.log(`已创建 ${role} 账号 ${username}；首次登录须修改密码。`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await db.close();
}
