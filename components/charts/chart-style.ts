/**
 * What every publication chart shares (docs/publications.md, conventions): a title stating subject and unit, a Chinese
 * legend, number labels in the unit's habit (万元/元 2 decimals with thousands separators, counts whole, % 2
 * decimals), a missing value drawn as a gap and read "—". Pure: no DOM, so the PDF renderer (ECharts SSR to SVG)
 * builds the same options as the browser.
 */
import { formatMetric, MISSING } from "@/app/_domain/metrics/display";

/** The portal's palette: the first colour is the region / this year, grey the comparison, orange the own institution. */
export const COLORS = {
  primary: "#1458b8",
  secondary: "#52a5e0",
  compare: "#9aa3b2",
  own: "#e8590c",
  good: "#2f9e44",
  bad: "#c92a2a",
  band: "rgba(47,158,68,0.10)",
};

/** A decimal string as a number for drawing; null (missing) stays null so the chart shows a gap, never 0. */
export const num = (v: string | null | undefined): number | null => (v === null || v === undefined || v === "" ? null : Number(v));

/** A number as its unit is written ("—" when missing); used by tooltips and labels. */
export const unitLabel =
  (unit: string) =>
  (v: unknown): string => {
    if (v === null || v === undefined || v === "-" || (typeof v === "number" && !Number.isFinite(v))) return MISSING;
    return unit === "%" ? `${formatMetric(String(v), "%")}%` : formatMetric(String(v), unit);
  };

/** An axis tick: thousands separated, at most 2 decimals. */
export const axisNumber = (v: number) => v.toLocaleString("zh-CN", { maximumFractionDigits: 2 });

/** "本季支出（万元）": the unit in full-width brackets after the subject; bare units (指数) add nothing. */
export const titled = (subject: string, unit: string) => (unit && unit !== "指数" && unit !== "比值" ? `${subject}（${unit}）` : subject);

export function baseOption(title: string, subtitle?: string) {
  return {
    animation: false,
    title: {
      text: title,
      subtext: subtitle,
      left: 0,
      top: 0,
      textStyle: { fontSize: 14, fontWeight: 600 as const },
      subtextStyle: { fontSize: 12, color: "#666" },
    },
    textStyle: { fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif' },
  };
}

/** Legend under the title, grid below the legend: room for the title (and subtitle) without overlap. */
export const legendTop = (subtitle?: string) => (subtitle ? 44 : 26);
export const gridTop = (subtitle?: string) => (subtitle ? 80 : 60);

/** "2025-03" → "25年3月" (short enough for 24 ticks); other labels unchanged. */
export function shortMonth(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `${m[1]!.slice(2)}年${Number(m[2])}月` : period;
}

/** "2025-Q1" or "2025Q1" → "25年Q1"; other labels unchanged. */
export function shortQuarter(period: string): string {
  const m = /^(\d{4})-?Q([1-4])$/.exec(period);
  return m ? `${m[1]!.slice(2)}年Q${m[2]}` : period;
}
