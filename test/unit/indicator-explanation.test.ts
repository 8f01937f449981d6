import { describe, expect, it } from "vitest";
import { NHSA_2025_03 } from "@/app/_domain/catalogues/nhsa-2025-03";
import { parseFormula, readableFormula, readableText } from "@/app/_domain/formula";
import { explainIndicator } from "@/app/_domain/indicator-explanation";

const CATALOGUE = NHSA_2025_03.indicators;
const NAMES: Record<string, string> = { AA: "甲", BB: "乙", CC: "丙" };
const readable = (formula: string) => {
  const parsed = parseFormula(formula);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return readableText(readableFormula(parsed.ast, (c) => NAMES[c] ?? null));
};

describe("readableFormula: a formula as a reader of the catalogue reads it", () => {
  it("writes the functions out with + − × ÷ and names instead of codes", () => {
    expect(readable("PCT(AA, BB)")).toBe("甲 ÷ 乙 × 100");
    expect(readable("PER_1000(AA, BB)")).toBe("甲 ÷ 乙 × 1000");
    expect(readable("RATIO(AA, BB.EMPLOYEE)")).toBe("甲 ÷ 乙（职工）");
    expect(readable("SUM(AA, BB, CC)")).toBe("甲 + 乙 + 丙");
    expect(readable("YOY(AA) * 100")).toBe("(甲 ÷ 上年同期的甲 − 1) × 100");
    expect(readable("MOM(AA)")).toBe("(甲 ÷ 上月的甲 − 1)");
    expect(readable("PREV_YEAR(AA) + PREV_MONTH(BB)")).toBe("上年同期的甲 + 上月的乙");
    expect(readable("AA / AVG_MONTHLY(BB)")).toBe("甲 ÷ (乙 ÷ 本年已过月数)");
    expect(readable("RATIO(AA, BB) / TIME_PROGRESS()")).toBe("甲 ÷ 乙 ÷ 时间进度（本年已过月数 ÷ 12）");
    expect(readable("MONTHS_ELAPSED()")).toBe("本年已过月数");
  });

  it("keeps only the parentheses the order of operations needs, and names an unknown code by its code", () => {
    expect(readable("(AA + BB) * CC")).toBe("(甲 + 乙) × 丙");
    expect(readable("AA + BB * CC")).toBe("甲 + 乙 × 丙");
    expect(readable("AA - (BB - CC)")).toBe("甲 − (乙 − 丙)");
    expect(readable("AA / (BB * CC)")).toBe("甲 ÷ (乙 × 丙)");
    expect(readable("-(AA + BB)")).toBe("−(甲 + 乙)");
    expect(readable("PCT(AA + BB, CC)")).toBe("(甲 + 乙) ÷ 丙 × 100");
    expect(readable("ZZ99 * 2")).toBe("ZZ99 × 2");
  });

  it("returns the references as their own parts, so the page can link each to its indicator", () => {
    const parsed = parseFormula("PCT(SV02, FI01.EMPLOYEE + FI02.RESIDENT)");
    if (!parsed.ok) throw new Error("parse");
    const parts = readableFormula(parsed.ast, (c) => CATALOGUE.find((i) => i.code === c)?.nameZh ?? null);
    expect(parts.filter((p) => "code" in p)).toEqual([
      { code: "SV02", scheme: null, label: "住院人次（出院结算人次）" },
      { code: "FI01", scheme: "EMPLOYEE", label: "职工医保参保人数（职工）" },
      { code: "FI02", scheme: "RESIDENT", label: "居民医保参保人数（居民）" },
    ]);
    // Adjacent text is one part: "÷ (" between two references.
    expect(parts[1]).toEqual({ text: " ÷ (" });
  });
});

describe("explainIndicator: the catalogue page of one indicator", () => {
  it("explains a derived indicator: readable formula, what it reads, what reads it, its rules", () => {
    const fe03 = explainIndicator(CATALOGUE, "fe03")!;
    expect(fe03.indicator.code).toBe("FE03");
    expect(readableText(fe03.formula!)).toBe("职工医保统筹基金支出（含生育保险）（职工） + 居民医保基金支出（居民）");
    expect(fe03.reads).toEqual([
      { code: "FE01", scheme: "EMPLOYEE", nameZh: "职工医保统筹基金支出（含生育保险）" },
      { code: "FE02", scheme: "RESIDENT", nameZh: "居民医保基金支出" },
    ]);
    expect(fe03.usedBy.map((u) => u.code)).toEqual(["BG03"]);
    expect(fe03.rules[0]).toContain("由系统按公式计算");
    expect(fe03.rules[1]).toContain("月度指标");
  });

  it("explains an input by its basis and frequency, and adds the percentage-point rule for a %-unit indicator", () => {
    const fi03 = explainIndicator(CATALOGUE, "FI03")!;
    expect(fi03.formula).toBeNull();
    expect(fi03.reads).toEqual([]);
    expect(fi03.usedBy.map((u) => u.code)).toEqual(["FI05", "FI06", "FB01"]);
    expect(fi03.rules[0]).toContain("填报本年累计值");
    expect(fi03.rules.join("")).not.toContain("百分点");
    expect(explainIndicator(CATALOGUE, "FI01")!.rules[0]).toContain("期末时点值");
    expect(explainIndicator(CATALOGUE, "PM06")!.rules).toContain("单位为 %：同比、环比以百分点表示，如「同比提高 0.35 个百分点」。");
    expect(explainIndicator(CATALOGUE, "MA05")!.rules[1]).toContain("季度指标：只在季末月有值");
    expect(explainIndicator(CATALOGUE, "BG01")!.rules[1]).toContain("年度指标");
  });

  it("answers null for a code the catalogue does not have", () => {
    expect(explainIndicator(CATALOGUE, "ZZ99")).toBeNull();
  });
});
