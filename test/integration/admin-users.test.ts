import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/app/_domain/roles";
import { createUser } from "@/app/_server/admin/create-user";
import { listUsers } from "@/app/_server/admin/list-users";
import { resetUserPassword } from "@/app/_server/admin/reset-user-password";
import { setUserStatus } from "@/app/_server/admin/set-user-status";
import { updateUser } from "@/app/_server/admin/update-user";
import type { Session } from "@/app/_server/auth/session";
import { verifyPassword } from "@/app/_server/auth/passwords";
import { createUserSession, createWorld, type World } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

const PASSWORD = "Init@Pass2024";

describe("user management (SYSTEM_ADMIN)", () => {
  const prisma = useTestDatabase();
  let w: World;
  let admin: Session;
  const newUser = (username: string, roles: Role[], scope: Record<string, string | null> = {}, password = PASSWORD) => ({
    username,
    displayName: `测试${username}`,
    roles,
    password,
    ...scope,
  });
  /** Runs `act`, expects it to fail with `message`, and checks that no user was written and the refusal left exactly one audit row. */
  async function refusesWithNothingWritten(act: () => Promise<unknown>, message: string, code = "INVALID") {
    const [users, audits] = await Promise.all([prisma().user.count(), prisma().auditEvent.count()]);
    const error = await act().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toContain(message);
    expect(await prisma().user.count()).toBe(users);
    expect(await prisma().auditEvent.count()).toBe(audits + 1);
    const trace = await prisma().auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(trace.result).toBe(code === "FORBIDDEN" ? "DENIED" : "FAILURE");
  }

  beforeAll(async () => {
    w = await createWorld(prisma());
    admin = await createUserSession(prisma(), ["SYSTEM_ADMIN"], {}, "sysadmin");
  });

  it("creates each kind of user with a must-change initial password, clears unused scope, and audits without the password", async () => {
    const cases: [string, Role[], Record<string, string>, Record<string, string | null>][] = [
      ["sec_admin", ["SECURITY_ADMIN"], { regionId: w.regionA.id }, { provinceId: null, regionId: null, institutionId: null }],
      ["audit_admin", ["AUDIT_ADMIN"], {}, { provinceId: null, regionId: null, institutionId: null }],
      ["sys_admin2", ["SYSTEM_ADMIN"], {}, { provinceId: null, regionId: null, institutionId: null }],
      [
        "hf_group",
        ["DATA_ENTRY", "DATA_REVIEWER", "PUBLISHER"],
        { regionId: w.regionA.id, institutionId: w.hospitalA1.id },
        { regionId: w.regionA.id, institutionId: null },
      ],
      [
        "ah_supervisor",
        ["SUPERVISOR"],
        { provinceId: w.province.id, regionId: w.regionB.id },
        { provinceId: w.province.id, regionId: null },
      ],
      [
        "hf_hospital",
        ["HOSPITAL_VIEWER"],
        { regionId: w.regionA.id, institutionId: w.hospitalA2.id },
        { regionId: null, institutionId: w.hospitalA2.id },
      ],
    ];
    for (const [username, roles, scope, expected] of cases) {
      const { id } = await createUser(admin, newUser(username, roles, scope));
      const saved = await prisma().user.findUniqueOrThrow({ where: { id } });
      expect(saved).toMatchObject({ username, roles, status: "ACTIVE", mustChangePassword: true, isDemo: false, ...expected });
      expect(saved.passwordHash).not.toContain(PASSWORD);
      expect(await verifyPassword(saved.passwordHash, PASSWORD)).toBe(true);
      const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: "user.create", objectId: id } });
      expect(audit).toMatchObject({ actorId: admin.userId, result: "SUCCESS" });
      expect(audit.detail).toMatchObject({ username, roles });
    }
  });

  it("lists users with scope names and without password hashes", async () => {
    const users = await listUsers(admin);
    const hospital = users.find((u) => u.username === "hf_hospital");
    expect(hospital).toMatchObject({ institutionName: "合肥乙医院", regionId: null, mustChangePassword: true, lastLoginAt: null });
    expect(users.find((u) => u.username === "hf_group")).toMatchObject({
      regionName: "合肥市",
      roles: ["DATA_ENTRY", "DATA_REVIEWER", "PUBLISHER"],
    });
    expect(users.find((u) => u.username === "ah_supervisor")).toMatchObject({ provinceName: "安徽省" });
    expect(JSON.stringify(users)).not.toMatch(/passwordHash|argon2/);
  });

  it("refuses invalid role assignments, weak passwords, bad usernames and duplicates, writing nothing", async () => {
    await refusesWithNothingWritten(
      () => createUser(admin, newUser("mixed_admin", ["SYSTEM_ADMIN", "DATA_ENTRY"], { regionId: w.regionA.id })),
      "三员分立",
    );
    await refusesWithNothingWritten(() => createUser(admin, newUser("two_admins", ["SECURITY_ADMIN", "AUDIT_ADMIN"])), "三员分立");
    await refusesWithNothingWritten(
      () => createUser(admin, newUser("no_hospital", ["HOSPITAL_VIEWER"], { regionId: w.regionA.id })),
      "医疗机构用户须指定所属医疗机构",
    );
    await refusesWithNothingWritten(
      () => createUser(admin, newUser("no_region", ["DATA_ENTRY"], { provinceId: w.province.id })),
      "数据工作组角色须指定所属统筹区",
    );
    await refusesWithNothingWritten(() => createUser(admin, newUser("no_province", ["SUPERVISOR"])), "上级监管用户须指定所监管的省份");
    await refusesWithNothingWritten(
      () =>
        createUser(
          admin,
          newUser("hv_entry", ["HOSPITAL_VIEWER", "DATA_ENTRY"], { institutionId: w.hospitalA1.id, regionId: w.regionA.id }),
        ),
      "医疗机构用户不能兼任",
    );
    await refusesWithNothingWritten(
      () => createUser(admin, newUser("ghost_region", ["DATA_ENTRY"], { regionId: "00000000-0000-0000-0000-000000000000" })),
      "所选统筹区不存在",
    );
    await refusesWithNothingWritten(
      () => createUser(admin, newUser("weak_pw", ["DATA_ENTRY"], { regionId: w.regionA.id }, "short1A")),
      "密码至少 10 位",
    );
    await refusesWithNothingWritten(
      () => createUser(admin, newUser("simple_pw", ["DATA_ENTRY"], { regionId: w.regionA.id }, "abcdefghijkl")),
      "至少 3 类",
    );
    await refusesWithNothingWritten(
      () => createUser(admin, newUser("named_pw", ["DATA_ENTRY"], { regionId: w.regionA.id }, "Named_pw#2024x")),
      "密码不能包含用户名",
    );
    await refusesWithNothingWritten(() => createUser(admin, newUser("Bad-Name", ["AUDIT_ADMIN"])), "用户名须以小写字母开头");
    await refusesWithNothingWritten(() => createUser(admin, newUser("hf_group", ["AUDIT_ADMIN"])), "用户名 hf_group 已被占用", "CONFLICT");
  });

  it("updates roles and scope of another user, bumping the session version; a rename alone does not", async () => {
    const user = await prisma().user.findUniqueOrThrow({ where: { username: "hf_group" } });
    const r1 = await updateUser(admin, {
      id: user.id,
      displayName: "合肥数据组",
      roles: ["DATA_ENTRY", "DATA_REVIEWER", "PUBLISHER"],
      regionId: w.regionA.id,
    });
    expect(r1.sessionsRevoked).toBe(false);
    expect(await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      displayName: "合肥数据组",
      sessionVersion: user.sessionVersion,
    });
    const r2 = await updateUser(admin, { id: user.id, displayName: "芜湖填报员", roles: ["DATA_ENTRY"], regionId: w.regionB.id });
    expect(r2.sessionsRevoked).toBe(true);
    const after = await prisma().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ roles: ["DATA_ENTRY"], regionId: w.regionB.id, sessionVersion: user.sessionVersion + 1 });
    const audit = await prisma().auditEvent.findFirstOrThrow({
      where: { action: "user.update", objectId: user.id },
      orderBy: { id: "desc" },
    });
    expect(audit.detail).toMatchObject({
      before: { regionId: w.regionA.id },
      after: { roles: ["DATA_ENTRY"], regionId: w.regionB.id },
      sessionsRevoked: true,
    });
    await refusesWithNothingWritten(
      () => updateUser(admin, { id: user.id, displayName: "x", roles: ["SYSTEM_ADMIN", "AUDIT_ADMIN"] }),
      "三员分立",
    );
    await refusesWithNothingWritten(() => updateUser(admin, { id: user.id, displayName: "x", roles: ["PUBLISHER"] }), "须指定所属统筹区");
  });

  it("refuses an admin changing their own roles, status or password, and audits the refusal", async () => {
    const self = () => prisma().user.findUniqueOrThrow({ where: { id: admin.userId } });
    const before = await self();
    const attempts: [() => Promise<unknown>, string][] = [
      [() => updateUser(admin, { id: admin.userId, displayName: before.displayName, roles: ["SECURITY_ADMIN"] }), "不能修改自己的角色"],
      [
        () => updateUser(admin, { id: admin.userId, displayName: before.displayName, roles: ["DATA_ENTRY"], regionId: w.regionA.id }),
        "禁止自我授权",
      ],
      [() => setUserStatus(admin, { id: admin.userId, status: "DISABLED" }), "不能停用或启用自己的账号"],
      [() => resetUserPassword(admin, { id: admin.userId, password: "Another#Pass99" }), "不能在用户管理中重置自己的密码"],
    ];
    for (const [act, message] of attempts) {
      const denials = await prisma().auditEvent.count({ where: { action: "access.denied", actorId: admin.userId } });
      await expect(act()).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining(message) });
      expect(await prisma().auditEvent.count({ where: { action: "access.denied", actorId: admin.userId, result: "DENIED" } })).toBe(
        denials + 1,
      );
    }
    const after = await self();
    expect(after).toMatchObject({
      roles: ["SYSTEM_ADMIN"],
      status: "ACTIVE",
      sessionVersion: before.sessionVersion,
      passwordHash: before.passwordHash,
    });
    // Renaming oneself is not a grant of rights.
    await updateUser(admin, { id: admin.userId, displayName: "系统管理员甲", roles: ["SYSTEM_ADMIN"] });
    expect(await self()).toMatchObject({ displayName: "系统管理员甲", sessionVersion: before.sessionVersion });
  });

  it("disabling bumps the session version; enabling restores the account; both are audited", async () => {
    const user = await prisma().user.findUniqueOrThrow({ where: { username: "audit_admin" } });
    await setUserStatus(admin, { id: user.id, status: "DISABLED" });
    expect(await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      status: "DISABLED",
      sessionVersion: user.sessionVersion + 1,
    });
    await setUserStatus(admin, { id: user.id, status: "ACTIVE" });
    expect(await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      status: "ACTIVE",
      sessionVersion: user.sessionVersion + 1,
    });
    const actions = (await prisma().auditEvent.findMany({ where: { objectId: user.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["user.create", "user.disable", "user.enable"]);
  });

  it("resets a password: policy checked, must change at next sign-in, sessions end, no secret in the audit log", async () => {
    const user = await prisma().user.findUniqueOrThrow({ where: { username: "sec_admin" } });
    await prisma().user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    await refusesWithNothingWritten(() => resetUserPassword(admin, { id: user.id, password: "weakpass" }), "密码至少 10 位");
    await refusesWithNothingWritten(() => resetUserPassword(admin, { id: user.id, password: "Sec_Admin#2024" }), "密码不能包含用户名");
    await resetUserPassword(admin, { id: user.id, password: "Temp#Reset2025" });
    const after = await prisma().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ mustChangePassword: true, sessionVersion: user.sessionVersion + 1 });
    expect(await verifyPassword(after.passwordHash, "Temp#Reset2025")).toBe(true);
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(false);
    expect(await prisma().auditEvent.count({ where: { action: "user.password.reset", objectId: user.id } })).toBe(1);
    const everything = JSON.stringify((await prisma().auditEvent.findMany()).map((a) => a.detail));
    for (const secret of [PASSWORD, "Temp#Reset2025", "Another#Pass99", after.passwordHash, "argon2", 'password"'])
      expect(everything).not.toContain(secret);
  });

  it("is forbidden to every other role, and the denial is audited", async () => {
    const target = await prisma().user.findUniqueOrThrow({ where: { username: "hf_hospital" } });
    for (const role of ["DATA_ENTRY", "AUDIT_ADMIN", "SECURITY_ADMIN", "SUPERVISOR"] as Role[]) {
      const other = await createUserSession(
        prisma(),
        [role],
        role === "DATA_ENTRY" ? { regionId: w.regionA.id } : role === "SUPERVISOR" ? { provinceId: w.province.id } : {},
      );
      const users = await prisma().user.count();
      for (const act of [
        () => listUsers(other),
        () => createUser(other, newUser(`by_${role.toLowerCase()}`, ["AUDIT_ADMIN"])),
        () => updateUser(other, { id: target.id, displayName: "x", roles: ["SYSTEM_ADMIN"] }),
        () => setUserStatus(other, { id: target.id, status: "DISABLED" }),
        () => resetUserPassword(other, { id: target.id, password: "Hijack#Pass2025" }),
      ])
        await expect(act()).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await prisma().user.count()).toBe(users);
      expect(await prisma().auditEvent.count({ where: { action: "access.denied", actorId: other.userId, result: "DENIED" } })).toBe(5);
    }
    expect(await prisma().user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      status: "ACTIVE",
      roles: ["HOSPITAL_VIEWER"],
      passwordHash: target.passwordHash,
    });
  });
});
