/**
 * Trend charts of a publication (docs/publications.md): the KPI card's sparkline, and an indicator month by month
 * over 24 months against the same months a year earlier. Pure functions of snapshot data: the browser draws them
 * on a canvas, the PDF renderer through ECharts SSR.
 */
import { baseOption, COLORS, axisNumber, gridTop, legendTop, num, shortMonth, titled, unitLabel } from "./chart-style";

/** A KPI card's sparkline: the last months of the indicator, no axes, the last point marked. */
export function sparklineOption(values: (string | null)[], color: string = COLORS.primary) {
  const data = values.map(num);
  const last = data.length - 1;
  return {
    animation: false,
    grid: { left: 2, right: 6, top: 4, bottom: 4 },
    xAxis: { type: "category" as const, show: false, boundaryGap: false, data: data.map((_, k) => k) },
    yAxis: { type: "value" as const, show: false, scale: true },
    series: [
      {
        type: "line" as const,
        data: data.map((v, k) => (k === last && v !== null ? { value: v, symbolSize: 5, symbol: "circle" } : v)),
        showSymbol: false,
        symbol: "none",
        lineStyle: { width: 1.5, color },
        areaStyle: { color, opacity: 0.08 },
        connectNulls: false,
        silent: true,
      },
    ],
  };
}

export interface Trend24 {
  /** The finding's subject, e.g. "基金支出". */
  subject: string;
  unit: string;
  /** 24 consecutive months, oldest first ("2023-04" … "2025-03"). */
  periods: string[];
  /** The indicator in those months. */
  values: (string | null)[];
  /** The same indicator twelve months before each of those months. */
  lastYear: (string | null)[];
  subtitle?: string;
}

/** 24 months of an indicator (solid) against the same months a year earlier (dashed grey). */
export function trend24Option(t: Trend24) {
  const fmt = unitLabel(t.unit);
  return {
    ...baseOption(titled(`${t.subject}月度趋势`, t.unit), t.subtitle),
    legend: { top: legendTop(t.subtitle), right: 0, data: ["本期", "上年同期"] },
    grid: { left: 8, right: 12, top: gridTop(t.subtitle), bottom: 8, containLabel: true },
    tooltip: { trigger: "axis" as const, valueFormatter: fmt },
    xAxis: { type: "category" as const, data: t.periods.map(shortMonth), axisLabel: { hideOverlap: true } },
    yAxis: { type: "value" as const, scale: true, axisLabel: { formatter: axisNumber } },
    color: [COLORS.primary, COLORS.compare],
    series: [
      { name: "本期", type: "line" as const, data: t.values.map(num), connectNulls: false, symbolSize: 4 },
      {
        name: "上年同期",
        type: "line" as const,
        data: t.lastYear.map(num),
        connectNulls: false,
        symbolSize: 3,
        lineStyle: { type: "dashed" as const },
      },
    ],
  };
}

export interface QuarterTrend {
  subject: string;
  /** Quarters oldest first ("2024-Q2" …). */
  periods: string[];
  /** Up to two units (≤ 2 y-axes); a series names its axis by its unit. */
  series: { name: string; unit: string; values: (string | null)[]; kind?: "bar" | "line" }[];
  subtitle?: string;
}

/**
 * Several indicators over quarters (DRG/DIP operation, settlement-list quality, service indicators): bars or
 * lines, one y-axis per unit, never more than two. A third unit is a programming error: it throws.
 */
export function quarterTrendOption(t: QuarterTrend) {
  const units = [...new Set(t.series.map((s) => s.unit))];
  if (units.length > 2) throw new Error(`一张图最多两个纵轴，这里有 ${units.length} 个单位：${units.join("、")}`);
  const title = units.length === 1 ? titled(t.subject, units[0]!) : `${t.subject}（${units.join("，")}）`;
  return {
    ...baseOption(title, t.subtitle),
    legend: { top: legendTop(t.subtitle), right: 0, type: "scroll" as const },
    grid: { left: 8, right: 8, top: gridTop(t.subtitle), bottom: 8, containLabel: true },
    tooltip: { trigger: "axis" as const },
    xAxis: { type: "category" as const, data: t.periods },
    yAxis: units.map((u, k) => ({
      type: "value" as const,
      name: u,
      position: k === 0 ? ("left" as const) : ("right" as const),
      splitLine: { show: k === 0 },
      axisLabel: { formatter: axisNumber },
      ...(u === "%" ? { max: (e: { max: number }) => (e.max <= 100 ? 100 : Math.ceil(e.max)) } : {}),
    })),
    color: [COLORS.primary, COLORS.secondary, COLORS.own, COLORS.good, COLORS.compare],
    series: t.series.map((s) => ({
      name: s.name,
      type: s.kind ?? (units.length === 2 && s.unit === units[0] ? "bar" : "line"),
      yAxisIndex: units.indexOf(s.unit),
      data: s.values.map(num),
      connectNulls: false,
      barMaxWidth: 28,
      tooltip: { valueFormatter: unitLabel(s.unit) },
    })),
  };
}
