import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/app/_server/auth/passwords";
import { bootstrapAdmin } from "@/app/_server/system/bootstrap-admin";
import { useTestDatabase } from "../helpers/test-database";

describe("create-admin (first accounts of a real deployment)", () => {
  const prisma = useTestDatabase();

  it("creates an admin who must change the password, and audits it", async () => {
    await bootstrapAdmin(prisma(), { username: "root_admin", displayName: "管理员", role: "SYSTEM_ADMIN", password: "Install#2026x" });
    const u = await prisma().user.findUniqueOrThrow({ where: { username: "root_admin" } });
    expect(u).toMatchObject({ roles: ["SYSTEM_ADMIN"], mustChangePassword: true, isDemo: false });
    expect(await verifyPassword(u.passwordHash, "Install#2026x")).toBe(true);
    expect(await prisma().auditEvent.count({ where: { action: "user.create", objectId: u.id } })).toBe(1);
  });

  it("refuses business roles, weak passwords and an existing username", async () => {
    const base = { username: "second", displayName: "x", role: "SECURITY_ADMIN" as const, password: "Install#2026x" };
    await expect(bootstrapAdmin(prisma(), { ...base, role: "DATA_ENTRY" })).rejects.toThrow("只能用此命令创建管理员账号");
    await expect(bootstrapAdmin(prisma(), { ...base, password: "short" })).rejects.toThrow("密码至少");
    await expect(bootstrapAdmin(prisma(), { ...base, username: "root_admin" })).rejects.toThrow("已存在");
    expect(await prisma().user.count()).toBe(1);
  });
});

describe("the create-admin and db:migrate commands", () => {
  it("create the first admin in an embedded database, then report it up to date", async () => {
    const { spawnSync } = await import("node:child_process");
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liangdi-cli-"));
    const env = { ...process.env, LIANGDI_DATA_DIR: dir, LIANGDI_ADMIN_PASSWORD: "Install#2026x", DATABASE_URL: "" };
    const run = (script: string, ...args: string[]) =>
      spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", script, ...args], {
        env,
        encoding: "utf8",
      });
    const created = run("scripts/create-admin.ts", "first_admin", "SYSTEM_ADMIN", "张三");
    expect(created.stderr).not.toContain("Error");
    expect(created.stdout).toContain("已创建 SYSTEM_ADMIN 账号 first_admin");
    expect(created.status).toBe(0);
    const again = run("scripts/create-admin.ts", "first_admin", "SYSTEM_ADMIN");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("已存在");
    const migrated = run("scripts/db-migrate.ts");
    expect(migrated.stdout).toContain("数据库已是最新");
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
