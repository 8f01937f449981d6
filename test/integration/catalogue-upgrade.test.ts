import { beforeAll, describe, expect, it } from "vitest";
import { NHSA_2025_03 } from "@/app/_domain/catalogues/nhsa-2025-03";
import { NHSA_2025_03_V2 } from "@/app/_domain/catalogues/nhsa-2025-03-v2";
import { carryLocalIndicators } from "@/app/_server/catalogue/carry-local-indicators";
import { ensureBuiltInCatalogues } from "@/app/_server/catalogue/ensure-built-in-catalogues";
import { indicatorCreateMany } from "@/app/_server/catalogue/indicator-rows";
import { loadRegionCatalogue } from "@/app/_server/catalogue/region-catalogue";
import { saveLocalIndicator } from "@/app/_server/catalogue/save-local-indicator";
import { seedDemoIfEmpty } from "@/prisma/seed/demo";
import { createUserSession } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

/**
 * A deployment that started with NHSA-2025-03 only, then upgraded to a release that ships NHSA-2025-03-V2: the
 * demo regions (set to NHSA-2025-03 explicitly) and their published snapshots stay as they were; a region that
 * follows the default moves to V2 with its local indicators (地方增选).
 */
describe("a new built-in catalogue version on an existing deployment", () => {
  const prisma = useTestDatabase();
  const now = new Date();
  const published = () =>
    prisma().publicationVersion.findMany({
      where: { publishedAt: { not: null } },
      select: { id: true, snapshot: true, contentHash: true, catalogueVersionId: true },
      orderBy: { id: "asc" },
    });
  let before: Awaited<ReturnType<typeof published>>;
  let v1: string;
  let bengbu: string;

  beforeAll(async () => {
    expect(await ensureBuiltInCatalogues(prisma(), [NHSA_2025_03])).toEqual({ created: ["NHSA-2025-03"] });
    await seedDemoIfEmpty(prisma(), { now });
    v1 = (await prisma().catalogueVersion.findUniqueOrThrow({ where: { code: "NHSA-2025-03" } })).id;
    // A region added by the system admin: no catalogue of its own, so it follows the newest built-in one.
    const province = await prisma().province.findFirstOrThrow();
    bengbu = (await prisma().region.create({ data: { code: "340300", name: "蚌埠市", level: "CITY", provinceId: province.id } })).id;
    const entry = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: bengbu });
    const local = {
      category: "蚌埠地方指标",
      scope: "REGION",
      frequency: "MONTHLY",
      minValue: "0",
      definition: "本地增选的测试指标口径说明。",
    };
    await saveLocalIndicator(entry, {
      ...local,
      code: "BB01",
      nameZh: "异地就医住院人次",
      unit: "人次",
      schemes: ["TOTAL"],
      basis: "FLOW",
      maxValue: "1000000",
    });
    await saveLocalIndicator(entry, {
      ...local,
      code: "BB02",
      nameZh: "异地就医住院占比",
      unit: "%",
      schemes: ["TOTAL"],
      basis: "RATE",
      maxValue: "100",
      formula: "PCT(BB01, SV02)",
    });
    before = await published();
    expect(await ensureBuiltInCatalogues(prisma())).toEqual({ created: ["NHSA-2025-03-V2"] });
  }, 300_000);

  it("the demo regions keep NHSA-2025-03 (set explicitly), with SV03 and BG03 in 合计 only", async () => {
    for (const region of await prisma().region.findMany({ where: { code: { not: "340300" } } })) {
      expect(region.catalogueVersionId).toBe(v1);
      const catalogue = await loadRegionCatalogue(prisma(), region.id);
      expect(catalogue.version.code).toBe("NHSA-2025-03");
      expect(catalogue.indicators.find((i) => i.code === "SV03")?.schemes).toEqual(["TOTAL"]);
    }
  });

  it("published snapshots are untouched: same content, same hash, still naming NHSA-2025-03", async () => {
    expect(before.length).toBeGreaterThan(5);
    expect(before.every((v) => v.catalogueVersionId === v1)).toBe(true);
    expect(await published()).toEqual(before);
  });

  it("a region following the default moves to V2 with its local indicators; V1's rows stay for its old sheets; audited", async () => {
    const catalogue = await loadRegionCatalogue(prisma(), bengbu);
    expect(catalogue.version.code).toBe("NHSA-2025-03-V2");
    expect(catalogue.indicators.find((i) => i.code === "SV03")?.schemes).toEqual(["EMPLOYEE", "RESIDENT", "TOTAL"]);
    expect(catalogue.indicators.filter((i) => i.local).map((i) => [i.code, i.formula])).toEqual([
      ["BB01", null],
      ["BB02", "PCT(BB01, SV02)"],
    ]);
    expect(await prisma().indicator.count({ where: { regionId: bengbu, catalogueVersionId: v1 } })).toBe(2);
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: "catalogue.builtin.create" }, orderBy: { id: "desc" } });
    expect(audit.detail).toMatchObject({ code: "NHSA-2025-03-V2", previous: "NHSA-2025-03", copied: { "340300": 2 }, pinned: [] });
  });

  it("a region whose local indicator clashes with a newer version's national code is kept on its version", async () => {
    const v2 = await prisma().catalogueVersion.findUniqueOrThrow({ where: { code: "NHSA-2025-03-V2" } });
    const bb01 = NHSA_2025_03_V2.indicators.find((i) => i.code === "SV02")!;
    const next = { ...NHSA_2025_03_V2, code: "TEST-NEXT", indicators: [...NHSA_2025_03_V2.indicators, { ...bb01, code: "BB01" }] };
    const to = await prisma().catalogueVersion.create({ data: { code: next.code, name: "测试新版本" } });
    await prisma().indicator.createMany({ data: indicatorCreateMany(next.indicators, to.id) });
    const carried = await prisma().$transaction((tx) => carryLocalIndicators(tx, v2, { id: to.id, def: next }));
    expect(carried).toEqual({ copied: {}, pinned: ["340300"] });
    expect((await prisma().region.findUniqueOrThrow({ where: { id: bengbu } })).catalogueVersionId).toBe(v2.id);
    expect(await prisma().indicator.count({ where: { regionId: bengbu, catalogueVersionId: to.id } })).toBe(0);
  });
});
