import { describe, expect, it } from "vitest";
import { canonicalDecimal, parseBound } from "@/app/_domain/catalogues/bounds";
import { checkCatalogueFormulas, describeFormulaIssue } from "@/app/_domain/catalogues/check-catalogue";
import { NHSA_2025_03 } from "@/app/_domain/catalogues/nhsa-2025-03";
import {
  CATALOGUE_COLUMNS,
  indicatorToCells,
  mapCatalogueHeader,
  neutraliseCell,
  parseCatalogueRow,
  unneutraliseCell,
  type CatalogueColumnKey,
} from "@/app/_domain/catalogues/table-format";

const rawOf = (cells: string[]) =>
  Object.fromEntries(CATALOGUE_COLUMNS.map((c, i) => [c.key, cells[i]])) as Record<CatalogueColumnKey, string>;

describe("catalogue table format", () => {
  it("turns every built-in indicator into cells and back, unchanged (through formula neutralisation)", () => {
    for (const d of NHSA_2025_03.indicators) {
      const cells = indicatorToCells(d).map(neutraliseCell);
      expect(parseCatalogueRow(rawOf(cells), 2)).toEqual({ issues: [], value: d });
    }
  });

  it("neutralises = + - @ tab and CR at the start of a cell, but not plain numbers", () => {
    expect(["=1+1", "+A1", "-A1", "@SUM(A1)", "\tx", "\rx"].map(neutraliseCell)).toEqual([
      "'=1+1",
      "'+A1",
      "'-A1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
    expect(["-100", "+3.5", "0", "FI03 - FE01", "'=kept"].map(neutraliseCell)).toEqual(["-100", "+3.5", "0", "FI03 - FE01", "'=kept"]);
    expect(["'=1+1", "'-A1", "'x", "'=kept"].map(unneutraliseCell)).toEqual(["=1+1", "-A1", "'x", "=kept"]);
  });

  it("accepts codes and common Chinese aliases for the enumerations", () => {
    const base = { code: "x01", category: "类", nameZh: "名", unit: "人", tag: "NATIONAL_REQUIRED" };
    const r = parseCatalogueRow({ ...base, frequency: "季度", schemes: "E/R", scope: "INSTITUTION", basis: "存量" }, 2);
    expect(r.value).toMatchObject({
      code: "X01",
      frequency: "QUARTERLY",
      schemes: ["EMPLOYEE", "RESIDENT", "TOTAL"],
      scope: "INSTITUTION",
      basis: "STOCK",
    });
    const s = parseCatalogueRow({ ...base, frequency: "Y", schemes: "合计，职工", scope: "统筹区", basis: "当期比率", tag: "地方增选" }, 2);
    expect(s.value).toMatchObject({ frequency: "YEARLY", schemes: ["EMPLOYEE", "TOTAL"], basis: "RATE", tag: "LOCAL" });
  });

  it("maps headers by Chinese or field name and reports unknown, repeated and missing columns on row 1", () => {
    expect(mapCatalogueHeader(["\uFEFF指标编码", "nameZh", "类别*", "单位", "频次", "险种", "层级", "数值类型", "标签"]).issues).toEqual(
      [],
    );
    expect(mapCatalogueHeader(["指标编码", "备注", "指标编码"]).issues.map((i) => i.message)).toEqual([
      "无法识别的列“备注”",
      "列“指标编码”重复出现",
      "缺少必填列“类别”",
      "缺少必填列“指标名称”",
      "缺少必填列“单位”",
      "缺少必填列“频次”",
      "缺少必填列“险种”",
      "缺少必填列“层级”",
      "缺少必填列“数值类型”",
      "缺少必填列“标签”",
    ]);
  });

  it("parses bounds as decimals without floats", () => {
    expect(parseBound("1,234.500")).toEqual({ ok: true, value: "1234.5" });
    expect(parseBound("－１２")).toEqual({ ok: true, value: "-12" });
    expect(parseBound("-0")).toEqual({ ok: true, value: "0" });
    expect(parseBound("0.1234567")).toEqual({ ok: false, message: "“0.1234567”小数位过多（最多 6 位）" });
    expect(parseBound("1234567890123456789")).toMatchObject({ ok: false });
    expect(parseBound("1e5")).toMatchObject({ ok: false });
    expect(canonicalDecimal("100.000000")).toBe("100");
  });

  it("checks formulas against the catalogue: unknown codes, schemes the referenced indicator lacks, cycles", () => {
    const defs = [
      { code: "A1", formula: null, schemes: ["EMPLOYEE" as const] },
      { code: "B1", formula: "A1 * 2", schemes: ["EMPLOYEE" as const, "TOTAL" as const] },
      { code: "C1", formula: "A1.RESIDENT + X9", schemes: ["TOTAL" as const] },
      { code: "D1", formula: "A1.EMPLOYEE", schemes: ["TOTAL" as const] },
    ];
    expect(checkCatalogueFormulas(defs).map((i) => `${i.code}: ${describeFormulaIssue(i)}`)).toEqual([
      "B1: 指标 A1 没有“合计”险种的数值，而本指标按该险种计算；请写成限定险种的形式（A1.EMPLOYEE）或调整本指标的险种（第 1 个字符处）",
      "C1: 未知指标 X9（第 15 个字符处）",
      "C1: 指标 A1 没有“居民”险种的数值（第 1 个字符处）",
    ]);
    const scoped = [
      { code: "IN1", formula: null, schemes: ["TOTAL" as const], scope: "INSTITUTION" as const },
      { code: "RG1", formula: "IN1 * 2", schemes: ["TOTAL" as const], scope: "REGION" as const },
      { code: "IN2", formula: "IN1 * 2", schemes: ["TOTAL" as const], scope: "INSTITUTION" as const },
    ];
    expect(checkCatalogueFormulas(scoped).map((i) => `${i.code}: ${i.message}`)).toEqual([
      "RG1: 统筹区指标不能引用医疗机构层级指标 IN1（每家机构一个数值）",
    ]);
  });
});
