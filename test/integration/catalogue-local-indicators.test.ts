import { beforeAll, describe, expect, it } from "vitest";
import type { Session } from "@/app/_server/auth/session";
import { ensureBuiltInCatalogues } from "@/app/_server/catalogue/ensure-built-in-catalogues";
import { getCatalogueVersion } from "@/app/_server/catalogue/get-catalogue-version";
import { listCatalogueVersions } from "@/app/_server/catalogue/list-catalogue-versions";
import { loadRegionCatalogue } from "@/app/_server/catalogue/region-catalogue";
import { saveLocalIndicator } from "@/app/_server/catalogue/save-local-indicator";
import { createUserSession, createWorld, type World } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

const base = {
  category: "合肥地方指标",
  nameZh: "异地就医住院人次",
  unit: "人次",
  frequency: "MONTHLY",
  schemes: ["EMPLOYEE", "RESIDENT", "TOTAL"],
  scope: "REGION",
  basis: "FLOW",
  minValue: "0",
  maxValue: "1000000",
  definition: "本年累计参保人员在统筹区外定点医疗机构住院结算的人次。",
};

describe("local indicators (地方增选)", () => {
  const prisma = useTestDatabase();
  let w: World;
  let entryA: Session;
  let publisherA: Session;
  let reviewerA: Session;
  let entryB: Session;
  beforeAll(async () => {
    w = await createWorld(prisma());
    await ensureBuiltInCatalogues(prisma());
    entryA = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionA.id });
    publisherA = await createUserSession(prisma(), ["PUBLISHER"], { regionId: w.regionA.id });
    reviewerA = await createUserSession(prisma(), ["DATA_REVIEWER"], { regionId: w.regionA.id });
    entryB = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionB.id });
  });

  let hf01: string;
  it("creates a local indicator in the session's region, tagged LOCAL, audited; the region's staff see it after the national ones", async () => {
    // A regionId in the input is ignored: the region comes from the session.
    ({ id: hf01 } = await saveLocalIndicator(entryA, { ...base, code: "hf01", regionId: w.regionB.id }));
    const row = await prisma().indicator.findUniqueOrThrow({ where: { id: hf01 } });
    expect(row).toMatchObject({ code: "HF01", regionId: w.regionA.id, tag: "LOCAL", evidence: null, formula: null });
    expect(row.sortOrder).toBeGreaterThanOrEqual(100_000);
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: "indicator.local.create", objectId: hf01 } });
    expect(audit).toMatchObject({ result: "SUCCESS", actorId: entryA.userId });

    const { id: hf02 } = await saveLocalIndicator(publisherA, {
      ...base,
      code: "HF02",
      nameZh: "异地就医住院人次占比",
      unit: "%",
      basis: "RATE",
      maxValue: "100",
      formula: "PCT(HF01，SV02)", // typed with a Chinese IME: stored in canonical form
    });
    expect((await prisma().indicator.findUniqueOrThrow({ where: { id: hf02 } })).formula).toBe("PCT(HF01, SV02)");

    const detail = await getCatalogueVersion(reviewerA, "NHSA-2025-03-V2");
    expect(detail.indicators).toHaveLength(71);
    expect(detail.indicators.slice(-2).map((i) => [i.code, i.tag, i.local])).toEqual([
      ["HF01", "LOCAL", true],
      ["HF02", "LOCAL", true],
    ]);
    expect((await listCatalogueVersions(reviewerA)).region?.localIndicators).toBe(2);
    expect((await loadRegionCatalogue(prisma(), w.regionA.id)).indicators).toHaveLength(71);
  });

  it("edits a local indicator (not its code), audited as an update", async () => {
    await saveLocalIndicator(entryA, { ...base, code: "HF01", nameZh: "异地就医住院人次（含转诊）" }, hf01);
    expect((await prisma().indicator.findUniqueOrThrow({ where: { id: hf01 } })).nameZh).toBe("异地就医住院人次（含转诊）");
    expect(await prisma().auditEvent.count({ where: { action: "indicator.local.update", objectId: hf01 } })).toBe(1);
  });

  it("refuses clashes, code changes, bad formulas, cycles, scheme mismatches and bad bounds; nothing written, each refusal audited", async () => {
    const count = await prisma().indicator.count();
    const failures = () =>
      prisma().auditEvent.count({ where: { action: "indicator.local.save", result: "FAILURE", actorId: entryA.userId } });
    const before = await failures();
    const refuse = async (input: object, expected: { code: string; message: string | RegExp; field?: string }, id?: string) => {
      const err = await saveLocalIndicator(entryA, { ...base, ...input }, id).catch((e) => e);
      expect(err).toMatchObject({ code: expected.code });
      expect(err.message).toMatch(expected.message);
      if (expected.field) expect(Object.keys(err.fieldErrors)).toContain(expected.field);
    };
    await refuse(
      { code: "FI01" },
      { code: "CONFLICT", message: "编码 FI01 已是目录 NHSA-2025-03-V2 中的指标“职工医保参保人数”", field: "code" },
    );
    await refuse({ code: "HF02" }, { code: "CONFLICT", message: "本统筹区已有编码为 HF02 的地方指标", field: "code" });
    await refuse({ code: "HF09" }, { code: "INVALID", message: "指标编码创建后不能修改", field: "code" }, hf01);
    await refuse({ code: "1X" }, { code: "INVALID", message: "指标编码应为 2–20 位大写字母", field: "code" });
    await refuse(
      { code: "HF03", formula: "HF01 + * 2" },
      { code: "INVALID", message: "公式有误：第 8 个字符处缺少运算数", field: "formula" },
    );
    await refuse(
      { code: "HF03", formula: "HF01 + NOPE01" },
      { code: "INVALID", message: "公式有误：未知指标 NOPE01（第 8 个字符处）", field: "formula" },
    );
    await refuse({ code: "HF03", formula: "LOG(HF01)" }, { code: "INVALID", message: "未知函数 LOG", field: "formula" });
    await refuse(
      { code: "HF03", formula: "FI01 * 2" },
      { code: "INVALID", message: "指标 FI01 没有“居民、合计”险种的数值", field: "formula" },
    );
    await refuse(
      { code: "HF03", schemes: ["TOTAL"], formula: "IN02 * 2" },
      { code: "INVALID", message: "统筹区指标不能引用医疗机构层级指标 IN02", field: "formula" },
    );
    await refuse({ code: "HF03", formula: "HF03 + 1" }, { code: "INVALID", message: "循环引用：HF03 → HF03", field: "formula" });
    // Editing HF01 to depend on HF02, which depends on HF01.
    await refuse(
      { code: "HF01", formula: "HF02 * 2" },
      { code: "INVALID", message: "循环引用：HF01 → HF02 → HF01", field: "formula" },
      hf01,
    );
    // Narrowing HF01's schemes would break HF02, which reads HF01 per scheme.
    await refuse(
      { code: "HF01", schemes: ["TOTAL"] },
      { code: "INVALID", message: "修改后，地方指标 HF02 的公式将出错", field: "formula" },
      hf01,
    );
    await refuse({ code: "HF03", minValue: "10", maxValue: "1" }, { code: "INVALID", message: "上限 1 小于下限 10", field: "maxValue" });
    await refuse({ code: "HF03", minValue: "1e5" }, { code: "INVALID", message: "“1e5”不是有效的数值", field: "minValue" });
    await refuse({ code: "HF03", frequency: "WEEKLY" }, { code: "INVALID", message: "请选择频次", field: "frequency" });
    expect(await prisma().indicator.count()).toBe(count);
    expect(await failures()).toBe(before + 15);
  });

  it("keeps regions apart: B never sees A's local indicators, cannot edit them, and is told a code is taken without learning by whom", async () => {
    const detailB = await getCatalogueVersion(entryB, "NHSA-2025-03-V2");
    expect(detailB.indicators).toHaveLength(69);
    expect(detailB.indicators.some((i) => i.local)).toBe(false);
    expect((await listCatalogueVersions(entryB)).region?.localIndicators).toBe(0);
    expect((await loadRegionCatalogue(prisma(), w.regionB.id)).indicators.map((i) => i.code)).not.toContain("HF01");

    await expect(saveLocalIndicator(entryB, { ...base, code: "HF01", nameZh: "改别人的" }, hf01)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await prisma().indicator.findUniqueOrThrow({ where: { id: hf01 } })).nameZh).toBe("异地就医住院人次（含转诊）");
    const err = await saveLocalIndicator(entryB, { ...base, code: "HF01" }).catch((e) => e);
    expect(err).toMatchObject({ code: "CONFLICT" });
    expect(err.message).toContain("已被其他统筹区的地方指标使用");
    expect(err.message).not.toContain("合肥");

    const { id } = await saveLocalIndicator(entryB, { ...base, code: "WH01", nameZh: "芜湖地方指标", formula: "SV02 - SV01" });
    expect((await prisma().indicator.findUniqueOrThrow({ where: { id } })).regionId).toBe(w.regionB.id);
    expect((await getCatalogueVersion(entryA, "NHSA-2025-03-V2")).indicators.map((i) => i.code)).not.toContain("WH01");

    // The admin's and a supervisor's view of the version holds no region's local indicators.
    const admin = await createUserSession(prisma(), ["SYSTEM_ADMIN"]);
    const supervisor = await createUserSession(prisma(), ["SUPERVISOR"], { provinceId: w.province.id });
    for (const s of [admin, supervisor])
      expect((await getCatalogueVersion(s, "NHSA-2025-03-V2")).indicators.some((i) => i.local)).toBe(false);
  });

  it("only DATA_ENTRY and PUBLISHER of a region may add local indicators; others are FORBIDDEN, a region role without a region finds nothing", async () => {
    for (const s of [
      reviewerA,
      await createUserSession(prisma(), ["SYSTEM_ADMIN"]),
      await createUserSession(prisma(), ["SUPERVISOR"], { provinceId: w.province.id }),
      await createUserSession(prisma(), ["HOSPITAL_VIEWER"], { institutionId: w.hospitalA1.id }),
    ])
      await expect(saveLocalIndicator(s, { ...base, code: "HF05" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const unscoped = await createUserSession(prisma(), ["DATA_ENTRY"]);
    await expect(saveLocalIndicator(unscoped, { ...base, code: "HF05" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await prisma().indicator.count({ where: { code: "HF05" } })).toBe(0);
  });
});
