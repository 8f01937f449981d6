import { Decimal } from "../formula/decimal";
import { grouped, percentNumber } from "./format";

/**
 * How the metrics screens write numbers (display rounding only, docs/product.md §5): "—" for a missing value, never
 * 0 or NaN; counts as whole numbers, money and ratios with 2 decimals, thousands separated; growth rates as
 * signed percentages with 2 decimals. Pure, shared by server and browser.
 */

export const MISSING = "—";

/** Units counted in whole things: shown without decimals. */
const WHOLE_UNITS = new Set(["人", "人次", "个", "家", "床日", "张"]);

/** Decimal places a unit is shown with on screen. */
export const placesFor = (unit: string): number => (WHOLE_UNITS.has(unit) ? 0 : 2);

/** "1234567.891" in 万元 → "1,234,567.89"; null → "—". */
export function formatMetric(value: string | null | undefined, unit: string): string {
  if (value === null || value === undefined || value === "") return MISSING;
  return grouped(new Decimal(value), placesFor(unit));
}

/** A fraction as a signed percentage: "0.0523" → "+5.23%", "-0.031" → "-3.10%", "0" → "0.00%"; null → "—". */
export function formatGrowth(fraction: string | null | undefined): string {
  if (fraction === null || fraction === undefined || fraction === "") return MISSING;
  const d = new Decimal(fraction);
  const text = percentNumber(d.abs(), 2);
  if (/^[0.,]+$/.test(text)) return "0.00%";
  return `${d.isNegative() ? "-" : "+"}${text}%`;
}

/**
 * A difference in percentage points, as Chinese statistical tables write a change of a rate: "0.3456" →
 * "+0.35个百分点", "-1.2" → "-1.20个百分点", "0.001" → "0.00个百分点"; null → "—".
 */
export function formatPoints(diff: string | null | undefined): string {
  if (diff === null || diff === undefined || diff === "") return MISSING;
  const d = new Decimal(diff);
  const text = grouped(d.abs(), 2);
  if (/^[0.,]+$/.test(text)) return "0.00个百分点";
  return `${d.isNegative() ? "-" : "+"}${text}个百分点`;
}

/**
 * 同比 / 环比 as a reader expects it (docs/metrics.md): for an indicator whose unit is % (rates, shares, growth
 * rates) the difference in percentage points, never the relative change of a rate; otherwise the growth rate.
 */
export function formatChange(unit: string, growth: string | null | undefined, diff: string | null | undefined): string {
  return unit === "%" ? formatPoints(diff) : formatGrowth(growth);
}

/** The 万元 amount in 亿元 when it reaches 1 亿 (for a tooltip or card): "123456.78" → "12.35 亿元"; else null. */
export function inYi(value: string | null | undefined, unit: string): string | null {
  if (unit !== "万元" || value === null || value === undefined) return null;
  const d = new Decimal(value);
  return d.abs().gte(10000) ? `${grouped(d.div(10000), 2)} 亿元` : null;
}
