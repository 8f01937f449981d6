import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { INDICATOR_SCOPES, type IndicatorDef, type Scheme } from "@/app/_domain/catalogue";
import { parseBound, compareBounds } from "@/app/_domain/catalogues/bounds";
import { canonicalFormula, checkCatalogueFormulas } from "@/app/_domain/catalogues/check-catalogue";
import { BUILT_IN_CATALOGUES, newestBuiltIn } from "@/app/_domain/catalogues";
import { NHSA_2025_03, NHSA_CATEGORIES } from "@/app/_domain/catalogues/nhsa-2025-03";
import { NHSA_2025_03_V2 } from "@/app/_domain/catalogues/nhsa-2025-03-v2";
import { INDICATOR_CODE, parseFormula } from "@/app/_domain/formula/parser";

/** The reconstruction this catalogue ships: the research table the catalogue was built from (docs/catalogue.md; no quoted cells). */
const [header, ...csvRows] = fs
  .readFileSync("test/fixtures/reference/indicators_catalogue.csv", "utf8")
  .split(/\r?\n/)
  .filter(Boolean)
  .map((line) => line.split(","));
const reference = csvRows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])) as Record<string, string>);

const SCHEME_CODES: Record<string, Scheme[]> = { E: ["EMPLOYEE"], R: ["RESIDENT"], "E/R": ["EMPLOYEE", "RESIDENT", "TOTAL"], T: ["TOTAL"] };
const FREQ: Record<string, IndicatorDef["frequency"]> = { M: "MONTHLY", Q: "QUARTERLY", Y: "YEARLY" };
const BALANCES = new Set(["FB01", "FB02", "FB03", "FB04", "FB05", "FB06", "MA03"]);

/**
 * Both shipped versions pass the same checks. NHSA-2025-03 departs from the reference's 险种 column for two
 * indicators that need a different denominator per scheme (FI01/FI02, FE01/FE02/FE03): the formula language
 * could not switch them then, so it computes their 合计 only and says so in the definition. NHSA-2025-03-V2
 * computes them per scheme with BY_SCHEME and has no departure.
 */
describe.each([
  { catalogue: NHSA_2025_03, deviations: { SV03: ["TOTAL"], BG03: ["TOTAL"] } as Record<string, Scheme[]> },
  { catalogue: NHSA_2025_03_V2, deviations: {} as Record<string, Scheme[]> },
])("the built-in catalogue $catalogue.code", ({ catalogue, deviations: SCHEME_DEVIATIONS }) => {
  const all = catalogue.indicators;
  const regionLevel = all.filter((i) => i.scope === "REGION");
  const institutionLevel = all.filter((i) => i.scope === "INSTITUTION");
  const byCode = new Map(all.map((i) => [i.code, i]));

  it("reads the reference file whole", () => {
    for (const r of csvRows) expect(r).toHaveLength(header.length);
  });

  it("has the 49 region-level indicators of the reference, in 8 categories with the reference's counts", () => {
    expect(regionLevel).toHaveLength(49);
    expect(reference).toHaveLength(49);
    const counts = (list: { category: string }[]) =>
      Object.fromEntries([...new Set(list.map((i) => i.category))].map((c) => [c, list.filter((i) => i.category === c).length]));
    expect(counts(regionLevel)).toEqual({
      基金收入: 7,
      基金支出: 7,
      基金结余: 6,
      城乡医疗救助: 5,
      下一年度统筹地区医保总额: 3,
      "DRG/DIP支付方式": 8,
      医疗机构服务情况: 11,
      基金支撑能力: 2,
    });
    expect(counts(regionLevel)).toEqual(counts(reference.map((r) => ({ category: r.category_zh }))));
    expect(Object.values(NHSA_CATEGORIES).sort()).toEqual([...new Set(regionLevel.map((i) => i.category))].sort());
  });

  it("matches the reference row by row: code, category, names, unit, frequency, schemes, input/derived, evidence", () => {
    expect(regionLevel.map((i) => i.code)).toEqual(reference.map((r) => r.code));
    for (const r of reference) {
      const i = byCode.get(r.code)!;
      expect({
        code: i.code,
        category: i.category,
        nameZh: i.nameZh,
        nameEn: i.nameEn,
        unit: i.unit,
        frequency: i.frequency,
        evidence: i.evidence,
        derived: i.formula !== null,
      }).toEqual({
        code: r.code,
        category: r.category_zh,
        nameZh: r.name_zh,
        nameEn: r.name_en,
        unit: r.unit,
        frequency: FREQ[r.frequency],
        evidence: r.evidence,
        derived: r.kind === "derived",
      });
      expect(i.schemes, r.code).toEqual(SCHEME_DEVIATIONS[r.code] ?? SCHEME_CODES[r.scheme]);
    }
  });

  it("has the institution-level set IN01…IN20: per hospital, 合计 only, in the catalogue's categories", () => {
    expect(institutionLevel.map((i) => i.code)).toEqual(Array.from({ length: 20 }, (_, k) => `IN${String(k + 1).padStart(2, "0")}`));
    for (const i of institutionLevel) {
      expect(i.schemes).toEqual(["TOTAL"]);
      expect(Object.values(NHSA_CATEGORIES)).toContain(i.category);
    }
    const names = institutionLevel.map((i) => i.nameZh).join("|");
    for (const n of [
      "门急诊人次",
      "出院人次",
      "次均住院费用",
      "平均住院日",
      "自费率",
      "入组率",
      "CMI",
      "费用消耗指数",
      "时间消耗指数",
      "上传率",
      "质控通过率",
      "特例单议",
      "14天再入院",
    ])
      expect(names).toContain(n);
  });

  it("has unique, well-formed codes and complete metadata on every indicator", () => {
    expect(new Set(all.map((i) => i.code)).size).toBe(all.length);
    for (const i of all) {
      expect(i.code).toMatch(INDICATOR_CODE);
      expect(INDICATOR_SCOPES).toContain(i.scope);
      expect(i.tag).toBe("NATIONAL_REQUIRED");
      expect(i.definition?.length, i.code).toBeGreaterThan(15);
      expect(i.evidence, i.code).toMatch(/^[ABCR]([+/][ABCR])*$/);
      expect(i.schemes.length).toBeGreaterThan(0);
    }
    expect(catalogue.reconstructed).toBe(true);
  });

  it("every formula parses, is in canonical form, and references only codes of the catalogue, with schemes they have, without cycles", () => {
    const derived = all.filter((i) => i.formula !== null);
    expect(derived.length).toBeGreaterThan(20);
    for (const i of derived) {
      const parsed = parseFormula(i.formula!);
      expect(parsed.ok, `${i.code}: ${i.formula}`).toBe(true);
      expect(canonicalFormula(i.formula!), i.code).toBe(i.formula);
      for (const code of i.formula!.match(/\b[A-Z]{2}\d{2}\b/g) ?? []) expect(byCode.has(code), `${i.code} → ${code}`).toBe(true);
    }
    expect(checkCatalogueFormulas(all)).toEqual([]);
    // The examples the catalogue's conventions are written from.
    expect(byCode.get("FI05")!.formula).toBe("FI03.EMPLOYEE + FI04.RESIDENT");
    expect(byCode.get("FI06")!.formula).toBe("YOY(FI03) * 100");
    expect(byCode.get("FB05")!.formula).toBe("FB03 / AVG_MONTHLY(FE01)");
    expect(byCode.get("SV05")!.formula).toBe("SV04 * 10000 / SV02");
  });

  it("has plausible bounds: decimals with min ≤ max, rates within 0–100, money negative only for balances", () => {
    for (const i of all) {
      expect(i.minValue, i.code).not.toBeNull();
      expect(i.maxValue, i.code).not.toBeNull();
      const min = parseBound(i.minValue!);
      const max = parseBound(i.maxValue!);
      expect(min).toEqual({ ok: true, value: i.minValue });
      expect(max).toEqual({ ok: true, value: i.maxValue });
      expect(compareBounds(i.minValue!, i.maxValue!), i.code).toBeLessThan(0);
      const negative = compareBounds(i.minValue!, "0") < 0;
      if (negative) expect(BALANCES.has(i.code) || /增长率/.test(i.nameZh), i.code).toBe(true);
      if (i.unit === "%" && !/增长率/.test(i.nameZh)) expect([i.minValue, i.maxValue], i.code).toEqual(["0", "100"]);
    }
  });

  it("uses FLOW for year-to-date amounts and counts, STOCK for enrolees and balances, RATE for rates and indices", () => {
    const basis = (code: string) => byCode.get(code)!.basis;
    for (const c of [
      "FI03",
      "FI04",
      "FI05",
      "FE01",
      "FE04",
      "FB01",
      "MA01",
      "MA05",
      "PM02",
      "PM08",
      "SV01",
      "SV02",
      "SV04",
      "SV06",
      "IN02",
      "IN03",
    ])
      expect(basis(c), c).toBe("FLOW");
    for (const c of ["FI01", "FI02", "FB03", "FB04", "MA04", "PM01"]) expect(basis(c), c).toBe("STOCK");
    for (const c of ["PM06", "PM07", "SV03", "SV05", "SV07", "FI06", "FB05", "IN10", "IN11", "IN12", "IN13", "IN14", "IN15"])
      expect(basis(c), c).toBe("RATE");
    for (const i of all) if (i.unit === "%") expect(i.basis, i.code).toBe("RATE");
  });
});

describe("the built-in catalogue versions", () => {
  it("NHSA-2025-03 is the shipped reconstruction, V2 its revision with SV03 and BG03 per scheme and nothing else changed", () => {
    expect(NHSA_2025_03).toMatchObject({ code: "NHSA-2025-03", name: "医保数据工作组数据底稿（2025年3月版，据公开资料重建）" });
    expect(NHSA_2025_03_V2).toMatchObject({
      code: "NHSA-2025-03-V2",
      name: "医保数据工作组数据底稿（2025年3月版，据公开资料重建，第2版）",
    });
    const old = new Map(NHSA_2025_03.indicators.map((i) => [i.code, i]));
    const changed = NHSA_2025_03_V2.indicators.filter((i) => JSON.stringify(i) !== JSON.stringify(old.get(i.code)));
    expect(NHSA_2025_03_V2.indicators.map((i) => i.code)).toEqual([...old.keys()]);
    expect(changed.map((i) => [i.code, i.schemes, i.formula])).toEqual([
      ["BG03", ["EMPLOYEE", "RESIDENT", "TOTAL"], "(BG01 / BY_SCHEME(FE01, FE02, FE03) - 1) * 100"],
      ["SV03", ["EMPLOYEE", "RESIDENT", "TOTAL"], "PCT(SV02, BY_SCHEME(FI01, FI02, FI01.EMPLOYEE + FI02.RESIDENT))"],
    ]);
    // The old definitions said the limitation; the new ones describe each scheme's denominator.
    for (const i of changed) {
      expect(old.get(i.code)!.definition).toContain("本版本只计算合计");
      expect(i.definition).not.toContain("重建说明");
      expect(i.definition).toContain("按险种分列");
    }
  });

  it("V2 is the newest built-in catalogue: regions without an explicit one use it", () => {
    expect(BUILT_IN_CATALOGUES).toEqual([NHSA_2025_03, NHSA_2025_03_V2]);
    expect(newestBuiltIn([{ code: "IMPORTED-1" }, { code: "NHSA-2025-03" }])?.code).toBe("NHSA-2025-03");
    expect(newestBuiltIn([{ code: "NHSA-2025-03-V2" }, { code: "IMPORTED-1" }, { code: "NHSA-2025-03" }])?.code).toBe("NHSA-2025-03-V2");
    expect(newestBuiltIn([{ code: "IMPORTED-1" }])).toBeUndefined();
  });
});
