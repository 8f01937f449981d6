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
