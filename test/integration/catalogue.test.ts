import { beforeAll, describe, expect, it } from "vitest";
import { NHSA_2025_03 } from "@/app/_domain/catalogues/nhsa-2025-03";
import { NHSA_2025_03_V2 } from "@/app/_domain/catalogues/nhsa-2025-03-v2";
import type { Session } from "@/app/_server/auth/session";
import { ensureBuiltInCatalogues } from "@/app/_server/catalogue/ensure-built-in-catalogues";
import { getCatalogueVersion } from "@/app/_server/catalogue/get-catalogue-version";
import { toIndicatorDef } from "@/app/_server/catalogue/indicator-rows";
import { listCatalogueVersions } from "@/app/_server/catalogue/list-catalogue-versions";
import { loadRegionCatalogue } from "@/app/_server/catalogue/region-catalogue";
import { createUserSession, createWorld, type World } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

describe("built-in catalogues and reading the catalogue", () => {
  const prisma = useTestDatabase();
  let w: World;
  beforeAll(async () => {
    w = await createWorld(prisma());
  });

  it("ensureBuiltInCatalogues creates NHSA-2025-03 and NHSA-2025-03-V2 once, with every indicator and one audit row each, and is idempotent", async () => {
    expect(await ensureBuiltInCatalogues(prisma())).toEqual({ created: ["NHSA-2025-03", "NHSA-2025-03-V2"] });
    expect(await ensureBuiltInCatalogues(prisma())).toEqual({ created: [] });
    const versions = await prisma().catalogueVersion.findMany({ orderBy: { code: "asc" } });
    expect(versions).toHaveLength(2);
    const audits = await prisma().auditEvent.findMany({ where: { action: "catalogue.builtin.create" }, orderBy: { id: "asc" } });
    expect(audits).toHaveLength(2);
    for (const [k, def] of [NHSA_2025_03, NHSA_2025_03_V2].entries()) {
      expect(versions[k]).toMatchObject({ code: def.code, name: def.name, reconstructed: true });
      const rows = await prisma().indicator.findMany({ where: { catalogueVersionId: versions[k].id }, orderBy: { sortOrder: "asc" } });
      expect(rows).toHaveLength(69);
      // Stored exactly as defined: every field, decimals as canonical strings.
      expect(rows.map(toIndicatorDef)).toEqual(def.indicators);
      expect(audits[k]).toMatchObject({ result: "SUCCESS", objectId: versions[k].id, actorName: "system" });
    }
  });

  it("never modifies an existing version, even when it differs from the shipped definition", async () => {
    const fi01 = await prisma().indicator.findFirstOrThrow({ where: { code: "FI01", regionId: null } });
    await prisma().indicator.update({ where: { id: fi01.id }, data: { nameZh: "已被改动的名称" } });
    expect(await ensureBuiltInCatalogues(prisma())).toEqual({ created: [] });
    expect((await prisma().indicator.findUniqueOrThrow({ where: { id: fi01.id } })).nameZh).toBe("已被改动的名称");
    expect(await prisma().indicator.count()).toBe(138);
    await prisma().indicator.update({ where: { id: fi01.id }, data: { nameZh: fi01.nameZh } });
  });

  it("a region without a catalogue uses the newest built-in one; a region with one uses its own", async () => {
    const a = await loadRegionCatalogue(prisma(), w.regionA.id);
    expect(a.version.code).toBe("NHSA-2025-03-V2");
    expect(a.indicators.map((i) => i.code)).toEqual(NHSA_2025_03_V2.indicators.map((i) => i.code));
    expect(a.indicators.find((i) => i.code === "SV03")?.schemes).toEqual(["EMPLOYEE", "RESIDENT", "TOTAL"]);
    expect(a.indicators.every((i) => !i.local)).toBe(true);

    const other = await prisma().catalogueVersion.create({ data: { code: "TEST-OTHER", name: "另一版本" } });
    await prisma().indicator.create({
      data: {
        catalogueVersionId: other.id,
        code: "XX01",
        category: "测试",
        nameZh: "测试指标",
        unit: "人",
        frequency: "MONTHLY",
        schemes: ["TOTAL"],
        scope: "REGION",
        basis: "STOCK",
        tag: "NATIONAL_REQUIRED",
      },
    });
    await prisma().region.update({ where: { id: w.regionB.id }, data: { catalogueVersionId: other.id } });
    const b = await loadRegionCatalogue(prisma(), w.regionB.id);
    expect(b.version.code).toBe("TEST-OTHER");
    expect(b.indicators.map((i) => i.code)).toEqual(["XX01"]);
    await prisma().region.update({ where: { id: w.regionB.id }, data: { catalogueVersionId: null } });
  });

  it("the system admin and supervisors list every version; a region's staff only their region's", async () => {
    const admin = await createUserSession(prisma(), ["SYSTEM_ADMIN"]);
    const adminList = await listCatalogueVersions(admin);
    expect(adminList.versions.map((v) => v.code).sort()).toEqual(["NHSA-2025-03", "NHSA-2025-03-V2", "TEST-OTHER"]);
    // The first version stays listed, used by no region here; the newest built-in one is every region's default.
    expect(adminList.versions.find((v) => v.code === "NHSA-2025-03")).toMatchObject({ builtIn: true, isDefault: false, regionCount: 0 });
    const nhsa = adminList.versions.find((v) => v.code === "NHSA-2025-03-V2")!;
    expect(nhsa).toMatchObject({
      builtIn: true,
      isDefault: true,
      reconstructed: true,
      regionIndicators: 49,
      institutionIndicators: 20,
      regionCount: 2,
    });
    expect(adminList).toMatchObject({ canImport: true, region: null });

    const supervisor = await createUserSession(prisma(), ["SUPERVISOR"], { provinceId: w.province.id });
    const supList = await listCatalogueVersions(supervisor);
    expect(supList.versions).toHaveLength(3);
    expect(supList.canImport).toBe(false);
    expect(supList.versions.every((v) => v.regionCount === null)).toBe(true);

    const reviewer = await createUserSession(prisma(), ["DATA_REVIEWER"], { regionId: w.regionA.id });
    const regionList = await listCatalogueVersions(reviewer);
    expect(regionList.versions.map((v) => v.code)).toEqual(["NHSA-2025-03-V2"]);
    expect(regionList.region).toEqual({ code: "340100", name: "合肥市", catalogueCode: "NHSA-2025-03-V2", localIndicators: 0 });
  });

  it("getCatalogueVersion: all indicators with their definitions; region staff cannot open another version", async () => {
    const supervisor = await createUserSession(prisma(), ["SUPERVISOR"], { provinceId: w.province.id });
    const detail = await getCatalogueVersion(supervisor, "nhsa-2025-03");
    expect(detail.version).toMatchObject({ code: "NHSA-2025-03", reconstructed: true, builtIn: true });
    expect(detail.indicators).toHaveLength(69);
    expect(detail.indicators.find((i) => i.code === "SV05")).toMatchObject({
      formula: "SV04 * 10000 / SV02",
      unit: "元",
      evidence: "A+B",
      local: false,
    });
    expect(detail).toMatchObject({ canExport: false, canManageLocal: false, region: null });
    expect((await getCatalogueVersion(supervisor, "TEST-OTHER")).indicators).toHaveLength(1);

    const entry = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionA.id });
    expect(await getCatalogueVersion(entry, "NHSA-2025-03-V2")).toMatchObject({
      canManageLocal: true,
      canExport: false,
      region: { code: "340100" },
    });
    await expect(getCatalogueVersion(entry, "TEST-OTHER")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCatalogueVersion(entry, "NHSA-2025-03")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCatalogueVersion(entry, "NO-SUCH")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const admin = await createUserSession(prisma(), ["SYSTEM_ADMIN"]);
    await expect(getCatalogueVersion(admin, "NO-SUCH")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("hospital users and the security and audit admins are FORBIDDEN; a region role without a region sees nothing", async () => {
    const hospital = await createUserSession(prisma(), ["HOSPITAL_VIEWER"], { institutionId: w.hospitalA1.id });
    for (const s of [
      hospital,
      await createUserSession(prisma(), ["AUDIT_ADMIN"]),
      await createUserSession(prisma(), ["SECURITY_ADMIN"]),
    ] as Session[]) {
      await expect(listCatalogueVersions(s)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getCatalogueVersion(s, "NHSA-2025-03")).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await prisma().auditEvent.count({ where: { actorId: hospital.userId, result: "DENIED" } })).toBe(2);
    const unscoped = await createUserSession(prisma(), ["DATA_ENTRY"]);
    await expect(listCatalogueVersions(unscoped)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCatalogueVersion(unscoped, "NHSA-2025-03")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
