import { describe, expect, it } from "vitest";
import { listInstitutions } from "@/app/_server/admin/list-institutions";
import { saveInstitution } from "@/app/_server/admin/save-institution";
import { createUserSession, createWorld, type World } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

describe("institution management", () => {
  const prisma = useTestDatabase();
  let w: World;
  it("creates an institution and audits it", async () => {
    w = await createWorld(prisma());
    const admin = await createUserSession(prisma(), ["SYSTEM_ADMIN"]);
    const { id } = await saveInstitution(admin, {
      code: "h34010000009",
      name: "合肥丙医院",
      regionId: w.regionA.id,
      level: "LEVEL_2",
      type: "TCM",
      beds: 300,
    });
    const saved = await prisma().institution.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({ code: "H34010000009", name: "合肥丙医院", level: "LEVEL_2", type: "TCM", beds: 300, active: true });
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: "institution.create", objectId: id } });
    expect(audit.actorId).toBe(admin.userId);
    expect((await listInstitutions(admin, { regionId: w.regionA.id })).map((i) => i.code)).toContain("H34010000009");
  });

  it("refuses a code that does not match the region, a duplicate code, and a bad bed count: nothing written, each refusal audited", async () => {
    const admin = await createUserSession(prisma(), ["SYSTEM_ADMIN"]);
    const before = await prisma().institution.count();
    await expect(
      saveInstitution(admin, { code: "H34020000099", name: "错区医院", regionId: w.regionA.id, level: "LEVEL_2", type: "GENERAL" }),
    ).rejects.toThrow("应以 H340100 开头");
    await expect(
      saveInstitution(admin, { code: "H34010000001", name: "重复医院", regionId: w.regionA.id, level: "LEVEL_2", type: "GENERAL" }),
    ).rejects.toThrow("已被“合肥甲医院”使用");
    await expect(
      saveInstitution(admin, {
        code: "H34010000010",
        name: "床位医院",
        regionId: w.regionA.id,
        level: "LEVEL_2",
        type: "GENERAL",
        beds: -3,
      }),
    ).rejects.toThrow("床位数不能为负");
    expect(await prisma().institution.count()).toBe(before);
    const traces = await prisma().auditEvent.findMany({ where: { action: "institution.save", actorId: admin.userId } });
    expect(traces.map((t) => t.result)).toEqual(["FAILURE", "FAILURE", "FAILURE"]);
  });

  it("denies every role but the system admin, and audits the denial", async () => {
    const entry = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionA.id });
    await expect(listInstitutions(entry)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const denied = await prisma().auditEvent.findFirst({ where: { action: "access.denied", actorId: entry.userId } });
    expect(denied?.result).toBe("DENIED");
  });
});
