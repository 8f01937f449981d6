import { ROLE_LABELS, type Role } from "@/app/_domain/roles";
import type { DemoSummary } from "@/prisma/seed/demo";
import { readEnv } from "../env";

export function printStartupBanner(kind: "pglite" | "postgres", demo: DemoSummary | null) {
  const env = readEnv();
  const url = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const lines = [
    "",
    "亮底 Liangdi · 医保数据发布平台",
    `  地址     ${url}`,
    `  数据库   ${kind === "pglite" ? `内嵌 PGlite（${env.dataDir}）` : "PostgreSQL（DATABASE_URL）"}`,
  ];
  if (demo && demo.users.length) {
    lines.push(`  演示数据 ${demo.created ? "已创建" : "已存在"}；各角色演示账号（密码均为 ${demo.password}）：`);
    for (const u of demo.users)
      lines.push(`    ${u.username.padEnd(14)} ${u.roles.map((r) => ROLE_LABELS[r as Role]).join("、")}（${u.displayName}）`);
  }
  console.log(lines.join("\n") + "\n");
}
