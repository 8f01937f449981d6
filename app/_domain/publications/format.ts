import { Decimal } from "../formula/decimal";
import { formatGrowth, formatMetric, MISSING } from "../metrics/display";
import { isSuppressed, type Figure, type IndicatorInfo, type Num } from "./types";

/** How a publication's numbers read on screen, in PDFs and in exports (docs/publications.md conventions). Pure. */

/** A value in its unit's display form: "1,234.56", the suppression marker ("<5"), or "—". */
export function formatNum(value: Num | undefined, unit: string): string {
  if (value === undefined || value === null) return MISSING;
  if (isSuppressed(value)) return value.suppressed;
  return formatMetric(value, unit);
}

/** A percentage-point change: "1.25" → "+1.25个百分点". */
export function formatPoints(points: Num | undefined): string {
  if (points === undefined || points === null) return MISSING;
  if (isSuppressed(points)) return points.suppressed;
  const d = new Decimal(points).toDecimalPlaces(2);
  return `${d.isNegative() ? "-" : d.isZero() ? "" : "+"}${d.abs().toFixed(2)}个百分点`;
}

/** 同比 of a figure: ±百分点 for %-unit indicators, a growth rate otherwise; quarter fields for 本季. */
export function formatYoy(info: IndicatorInfo, f: Figure, quarter = false): string {
  if (info.percent) return formatPoints(quarter ? f.quarterYoyDiff : f.yoyDiff);
  const v = quarter ? f.quarterYoy : f.yoy;
  return typeof v === "string" ? formatGrowth(v) : formatNum(v, "");
}

/** 环比 (quarter: against the previous quarter). */
export function formatMom(info: IndicatorInfo, f: Figure, quarter = false): string {
  if (info.percent) return formatPoints(quarter ? f.qoqDiff : f.momDiff);
  const v = quarter ? f.qoq : f.mom;
  return typeof v === "string" ? formatGrowth(v) : formatNum(v, "");
}

/** ▲ / ▼ / "" for a change, and whether it is good (true), bad (false) or neutral (null) by the declared direction. */
export function direction(info: IndicatorInfo, change: Num | undefined): { arrow: "▲" | "▼" | ""; good: boolean | null } {
  if (typeof change !== "string") return { arrow: "", good: null };
  const d = new Decimal(change);
  if (d.isZero()) return { arrow: "", good: null };
  const up = d.isPositive();
  return { arrow: up ? "▲" : "▼", good: info.better === null ? null : (info.better === "UP") === up };
}
