import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/app/_domain/roles";
import { listProvinces } from "@/app/_server/admin/list-provinces";
import { listRegions } from "@/app/_server/admin/list-regions";
import { saveRegion } from "@/app/_server/admin/save-region";
import type { Session } from "@/app/_server/auth/session";
import { createUserSession, createWorld, type World } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

describe("region management (SYSTEM_ADMIN)", () => {
  const prisma = useTestDatabase();
  let w: World;
  let admin: Session;
  let anqing: string;
  let tongcheng: string;
  /** Runs `act`, expects it to fail with `message`, and checks that no region was written and the refusal left exactly one audit row. */
  async function refusesWithNothingWritten(act: () => Promise<unknown>, message: string, code = "INVALID") {
    const [regions, audits] = await Promise.all([prisma().region.findMany({ orderBy: { id: "asc" } }), prisma().auditEvent.count()]);
    const error = await act().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toContain(message);
    expect(await prisma().region.findMany({ orderBy: { id: "asc" } })).toEqual(regions);
    expect(await prisma().auditEvent.count()).toBe(audits + 1);
    const trace = await prisma().auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(trace.result).toBe(code === "FORBIDDEN" ? "DENIED" : "FAILURE");
  }

  beforeAll(async () => {
    w = await createWorld(prisma());
    admin = await createUserSession(prisma(), ["SYSTEM_ADMIN"]);
  });

  it("lists the provinces for the form", async () => {
    expect((await listProvinces(admin)).map((p) => p.name)).toEqual(["江苏省", "安徽省"]);
  });

  it("creates a city and a county under it, updates one, and audits each write", async () => {
    anqing = (await saveRegion(admin, { code: " 340800 ", name: "安庆市", level: "CITY", provinceId: w.province.id })).id;
    tongcheng = (await saveRegion(admin, { code: "340881", name: "桐城市", level: "COUNTY", provinceId: w.province.id, parentId: anqing }))
      .id;
    expect(await prisma().region.findUniqueOrThrow({ where: { id: anqing } })).toMatchObject({
      code: "340800",
      level: "CITY",
      parentId: null,
      active: true,
    });
    await saveRegion(
      admin,
      { code: "340881", name: "桐城市（县级统筹）", level: "COUNTY", provinceId: w.province.id, parentId: anqing, active: false },
      tongcheng,
    );
    const listed = (await listRegions(admin)).find((r) => r.id === tongcheng);
    expect(listed).toMatchObject({ name: "桐城市（县级统筹）", provinceName: "安徽省", parentName: "安庆市", active: false });
    const audits = await prisma().auditEvent.findMany({ where: { objectType: "Region" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.objectId, a.actorId])).toEqual([
      ["region.create", anqing, admin.userId],
      ["region.create", tongcheng, admin.userId],
      ["region.update", tongcheng, admin.userId],
    ]);
    expect(audits[2].detail).toMatchObject({ code: "340881", name: "桐城市（县级统筹）", parentId: anqing, active: false });
  });

  it("refuses bad codes, duplicates, unknown provinces and bad parents, writing nothing", async () => {
    const city = (over: Record<string, unknown> = {}) => ({
      code: "340300",
      name: "蚌埠市",
      level: "CITY",
      provinceId: w.province.id,
      ...over,
    });
    await refusesWithNothingWritten(() => saveRegion(admin, city({ code: "34030" })), "统筹区编码应为 6 位数字");
    await refusesWithNothingWritten(() => saveRegion(admin, city({ code: "34030A" })), "统筹区编码应为 6 位数字");
    await refusesWithNothingWritten(() => saveRegion(admin, city({ name: "" })), "请填写统筹区名称");
    await refusesWithNothingWritten(() => saveRegion(admin, city({ level: "PROVINCE" })), "请选择统筹层级");
    await refusesWithNothingWritten(() => saveRegion(admin, city({ code: "340100" })), "统筹区编码 340100 已被“合肥市”使用", "CONFLICT");
    await refusesWithNothingWritten(
      () => saveRegion(admin, city({ provinceId: "00000000-0000-0000-0000-000000000000" })),
      "所选省份不存在",
    );
    await refusesWithNothingWritten(
      () => saveRegion(admin, city({ parentId: "00000000-0000-0000-0000-000000000000" })),
      "所选上级统筹区不存在",
    );
    await refusesWithNothingWritten(
      () => saveRegion(admin, city({ code: "320500", name: "苏州市", provinceId: w.otherProvince.id, parentId: w.regionA.id })),
      "上级统筹区须属于同一省份",
    );
    await refusesWithNothingWritten(
      () => saveRegion(admin, city({ code: "340800", name: "安庆市", parentId: anqing }), anqing),
      "上级统筹区不能是其本身",
    );
    await refusesWithNothingWritten(
      () => saveRegion(admin, city({ code: "340800", name: "安庆市", parentId: tongcheng }), anqing),
      "不能是其下级统筹区",
    );
    await refusesWithNothingWritten(
      () => saveRegion(admin, city({ code: "340800", name: "安庆市", provinceId: w.otherProvince.id }), anqing),
      "不能改到其他省份",
    );
    await refusesWithNothingWritten(() => saveRegion(admin, city({ code: "340199", name: "合肥市" }), w.regionA.id), "不能修改统筹区编码");
    await refusesWithNothingWritten(() => saveRegion(admin, city(), "00000000-0000-0000-0000-000000000000"), "统筹区不存在", "NOT_FOUND");
  });

  it("is forbidden to every other role, and the denial is audited", async () => {
    for (const role of ["DATA_ENTRY", "AUDIT_ADMIN", "SECURITY_ADMIN", "SUPERVISOR"] as Role[]) {
      const other = await createUserSession(
        prisma(),
        [role],
        role === "DATA_ENTRY" ? { regionId: w.regionA.id } : role === "SUPERVISOR" ? { provinceId: w.province.id } : {},
      );
      const regions = await prisma().region.count();
      for (const act of [
        () => listRegions(other),
        () => listProvinces(other),
        () => saveRegion(other, { code: "340300", name: "蚌埠市", level: "CITY", provinceId: w.province.id }),
        () => saveRegion(other, { code: "340100", name: "改名", level: "CITY", provinceId: w.province.id }, w.regionA.id),
      ])
        await expect(act()).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await prisma().region.count()).toBe(regions);
      expect(await prisma().auditEvent.count({ where: { action: "access.denied", actorId: other.userId, result: "DENIED" } })).toBe(4);
    }
    expect(await prisma().region.findUniqueOrThrow({ where: { id: w.regionA.id } })).toMatchObject({ name: "合肥市" });
  });
});
