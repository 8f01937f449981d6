import type { IndicatorDef, Scheme } from "./catalogue";
import { parseFormula, readableFormula, referencesOf, type ReadablePart } from "./formula";

/** What the catalogue's page of one indicator shows besides its fields: how each of its numbers is obtained. */
export interface IndicatorExplanation {
  indicator: IndicatorDef;
  /** The formula in readable form (null for an input, or a formula that does not parse). */
  formula: ReadablePart[] | null;
  /** The indicators the formula reads, each once, in order of first use (unknown codes included, name null). */
  reads: { code: string; scheme: Scheme | null; nameZh: string | null }[];
  /** The indicators of the catalogue whose formula reads this one. */
  usedBy: { code: string; nameZh: string }[];
  /** How its values are obtained, per basis and frequency (docs/metrics.md), in Chinese sentences. */
  rules: string[];
}

const BASIS_RULES = {
  FLOW: "填报本年累计值。本月 = 本年累计 − 上月的本年累计（1 月即本年累计）；本季 = 季末的本年累计 − 上季末的本年累计（一季度即本年累计）。",
  STOCK: "填报期末时点值。本月、本季、本年累计均取期末值。",
  RATE: "填报当期比率。本月、本季均取当期值。",
} as const;

const FREQUENCY_RULES = {
  MONTHLY: "月度指标：每月有本年累计、本月值、同比与环比；季末月（3、6、9、12 月）另有本季值、本季同比与季度环比。",
  QUARTERLY: "季度指标：只在季末月有值，有本季值、本季同比与季度环比，没有本月值与月环比。",
  YEARLY: "年度指标：随 12 月底稿计算全年值，没有本月值、本季值与环比。",
} as const;

/**
 * The explanation of one indicator of a catalogue (the indicators as the viewer may see them), or null when the
 * catalogue has no such code.
 */
export function explainIndicator(indicators: readonly IndicatorDef[], code: string): IndicatorExplanation | null {
  const wanted = code.trim().toUpperCase();
  const indicator = indicators.find((i) => i.code === wanted);
  if (!indicator) return null;
  const names = new Map(indicators.map((i) => [i.code, i.nameZh]));
  const nameOf = (c: string) => names.get(c) ?? null;

  const parsed = indicator.formula === null ? null : parseFormula(indicator.formula);
  const ast = parsed?.ok ? parsed.ast : null;
  const reads: IndicatorExplanation["reads"] = [];
  for (const ref of ast ? referencesOf(ast) : [])
    if (!reads.some((r) => r.code === ref.code && r.scheme === ref.scheme))
      reads.push({ code: ref.code, scheme: ref.scheme, nameZh: nameOf(ref.code) });

  const usedBy = indicators
    .filter((i) => {
      if (i.formula === null || i.code === indicator.code) return false;
      const p = parseFormula(i.formula);
      return p.ok && referencesOf(p.ast).some((r) => r.code === indicator.code);
    })
    .map((i) => ({ code: i.code, nameZh: i.nameZh }));

  const rules = [
    indicator.formula === null
      ? BASIS_RULES[indicator.basis]
      : "由系统按公式计算，不需填报：本年累计用所引用指标的本年累计计算，本月用它们的本月值，本季用它们的本季值（月均 AVG_MONTHLY 中的引用始终取本年累计）。",
    FREQUENCY_RULES[indicator.frequency],
    "同比 = 本年累计 ÷ 上年同期 − 1，环比 = 本月 ÷ 上月 − 1；任一方缺失或基数为 0 时不计算（显示「—」）。结果四舍五入保留 6 位小数。",
  ];
  if (indicator.formula?.includes("BY_SCHEME("))
    rules.splice(
      1,
      0,
      "按险种（BY_SCHEME）：计算职工数值时取「职工」后的算式，居民取「居民」后的，合计取「合计」后的；其余算式不参与该险种的计算。",
    );
  if (indicator.unit === "%") rules.push("单位为 %：同比、环比以百分点表示，如「同比提高 0.35 个百分点」。");
  return { indicator, formula: ast ? readableFormula(ast, nameOf) : null, reads, usedBy, rules };
}
