import { Decimal } from "../formula/decimal";
import { LEVEL_LABELS, type InstitutionLevel } from "../institutions";

/**
 * How the metrics' Chinese texts (anomaly reasons, the narrative draft) write numbers. Display rounding only
 * (docs/product.md §5): half up (四舍五入) with the formula engine's Decimal, never binary floats.
 */

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** "12345.675" → "12,345.68" (places decimals, thousands separators, "-0.00" written "0.00"). */
export function grouped(value: Decimal | string, places: number): string {
  const d = typeof value === "string" ? new Decimal(value) : value;
  const fixed = d.toFixed(places);
  const negative = fixed.startsWith("-") && /[1-9]/.test(fixed);
  const body = fixed.replace(/^-/, "");
  const dot = body.indexOf(".");
  const whole = dot < 0 ? body : body.slice(0, dot);
  return `${negative ? "-" : ""}${group(whole)}${dot < 0 ? "" : body.slice(dot)}`;
}

/** A fraction as a percentage number with `places` decimals: "0.0523" → "5.2" (places 1). No sign is added. */
export function percentNumber(fraction: Decimal | string, places = 1): string {
  const d = typeof fraction === "string" ? new Decimal(fraction) : fraction;
  return grouped(d.mul(100), places);
}

/** A decimal in its shortest plain form: "1.50" → "1.5", "0.30" → "0.3". */
export const shortest = (value: Decimal | string | number): string => {
  const d = new Decimal(value);
  return d.isZero() ? "0" : d.toFixed();
};

/** Units that are not written after the number (an index, a ratio). */
const BARE_UNITS = new Set(["指数", "比值", ""]);

/** A value with its unit for a reason text: "12,345.67 元", "85.30%", "1.23" (index). Two decimals. */
export function valueWithUnit(value: Decimal | string, unit: string): string {
  const text = grouped(value, 2);
  if (unit === "%") return `${text}%`;
  return BARE_UNITS.has(unit) ? text : `${text} ${unit}`;
}

/** Count-like units written in 万 above 10,000 in the narrative. */
const COUNT_UNITS = new Set(["人", "人次", "床日", "个", "家"]);

/**
 * A value as Chinese statistical prose writes it: 万元 at or above 10,000 万元 becomes 亿元 (2 decimals),
 * otherwise 万元 with 2 decimals; people and case counts at or above 10,000 become 万人/万人次 (2 decimals),
 * smaller counts are whole numbers; % with 1 decimal; anything else 2 decimals and its unit. No space.
 */
export function narrativeValue(value: Decimal | string, unit: string): string {
  const d = typeof value === "string" ? new Decimal(value) : value;
  if (unit === "万元") return d.abs().gte(10000) ? `${grouped(d.div(10000), 2)}亿元` : `${grouped(d, 2)}万元`;
  if (COUNT_UNITS.has(unit)) return d.abs().gte(10000) ? `${grouped(d.div(10000), 2)}万${unit}` : `${grouped(d, 0)}${unit}`;
  if (unit === "%") return `${grouped(d, 1)}%`;
  return BARE_UNITS.has(unit) ? grouped(d, 2) : `${grouped(d, 2)}${unit}`;
}

/** "三级医院", "未定级医疗机构", or "医疗机构" when the level is unknown. */
export function levelNoun(level: string | null): string {
  if (level === null || !Object.hasOwn(LEVEL_LABELS, level)) return "医疗机构";
  return level === "UNRATED" ? "未定级医疗机构" : `${LEVEL_LABELS[level as InstitutionLevel]}医院`;
}
