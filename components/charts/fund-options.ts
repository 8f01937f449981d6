/**
 * 亮家底 · 基金运行 charts (docs/publications.md, 季发布 §1): income against expenditure by scheme, balance with months
 * of payment capacity and its reasonable 6–9 month band, and budget execution against time progress. Pure
 * functions of snapshot data (browser canvas and PDF SVG alike).
 */
import { baseOption, COLORS, axisNumber, gridTop, legendTop, num, shortMonth, unitLabel } from "./chart-style";

export interface SchemeFlow {
  /** "职工" or "居民". */
  scheme: string;
  income: (string | null)[];
  expenditure: (string | null)[];
}

const SCHEME_COLORS = [COLORS.primary, "#12a594"];

/**
 * 收入与支出 by scheme over the given months (24 in the quarterly release): income as bars, expenditure as a line
 * of the same colour, one axis in 万元. The subtitle carries the reading note (resident income arrives mostly in Q4).
 */
export function incomeExpenditureOption(
  periods: string[],
  schemes: SchemeFlow[],
  note = "居民医保收入多在第四季度集中到账，月度收支差不宜单独解读。",
) {
  const fmt = unitLabel("万元");
  return {
    ...baseOption("分险种基金收入与支出（万元）", note),
    legend: { top: legendTop(note), right: 0, type: "scroll" as const },
    grid: { left: 8, right: 12, top: gridTop(note), bottom: 8, containLabel: true },
    tooltip: { trigger: "axis" as const, valueFormatter: fmt },
    xAxis: { type: "category" as const, data: periods.map(shortMonth), axisLabel: { hideOverlap: true } },
    yAxis: { type: "value" as const, axisLabel: { formatter: axisNumber } },
    series: schemes.flatMap((s, k) => {
      const color = SCHEME_COLORS[k % SCHEME_COLORS.length];
      return [
        { name: `${s.scheme}收入`, type: "bar" as const, data: s.income.map(num), itemStyle: { color, opacity: 0.55 }, barMaxWidth: 14 },
        {
          name: `${s.scheme}支出`,
          type: "line" as const,
          data: s.expenditure.map(num),
          lineStyle: { color, width: 2 },
          itemStyle: { color },
          symbolSize: 4,
          connectNulls: false,
        },
      ];
    }),
  };
}

export interface BalanceSeries {
  scheme: string;
  /** 累计结余 (万元) at each period's end. */
  balance: (string | null)[];
  /** 可支付月数 (月). */
  months: (string | null)[];
}

/** The reasonable range of months of payment capacity (usual practice; configurable by the caller). */
export const CAPACITY_BAND: [number, number] = [6, 9];

/**
 * 累计结余 (bars, 万元, left axis) with 可支付月数 (lines, 月, right axis); the reasonable range marked as a band
 * on the right axis. Two y-axes, never more.
 */
export function balanceCapacityOption(periods: string[], schemes: BalanceSeries[], band: [number, number] = CAPACITY_BAND) {
  const capacityMax = Math.max(band[1] + 3, ...schemes.flatMap((s) => s.months.map((v) => num(v) ?? 0)).map((v) => Math.ceil(v + 1)));
  const subtitle = `绿色区间为可支付月数合理区间（${band[0]}–${band[1]} 个月）`;
  return {
    ...baseOption("累计结余（万元）与可支付月数（月）", subtitle),
    legend: { top: legendTop(subtitle), right: 0, type: "scroll" as const },
    grid: { left: 8, right: 8, top: gridTop(subtitle) + 8, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis" as const },
    xAxis: { type: "category" as const, data: periods.map((p) => shortMonth(p)), axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: "value" as const, name: "万元", axisLabel: { formatter: axisNumber } },
      { type: "value" as const, name: "月", min: 0, max: capacityMax, splitLine: { show: false } },
    ],
    series: [
      ...schemes.map((s, k) => ({
        name: `${s.scheme}累计结余`,
        type: "bar" as const,
        data: s.balance.map(num),
        itemStyle: { color: SCHEME_COLORS[k % SCHEME_COLORS.length], opacity: 0.55 },
        barMaxWidth: 18,
        tooltip: { valueFormatter: unitLabel("万元") },
      })),
      ...schemes.map((s, k) => ({
        name: `${s.scheme}可支付月数`,
        type: "line" as const,
        yAxisIndex: 1,
        data: s.months.map(num),
        lineStyle: { color: SCHEME_COLORS[k % SCHEME_COLORS.length], width: 2 },
        itemStyle: { color: SCHEME_COLORS[k % SCHEME_COLORS.length] },
        connectNulls: false,
        tooltip: { valueFormatter: (v: unknown) => (v === null || v === undefined ? "—" : `${Number(v).toFixed(2)} 个月`) },
        ...(k === 0
          ? { markArea: { silent: true, itemStyle: { color: COLORS.band }, data: [[{ yAxis: band[0] }, { yAxis: band[1] }]] } }
          : {}),
      })),
    ],
  };
}

export interface BudgetRow {
  /** "职工", "居民", "合计". */
  name: string;
  /** Year-to-date expenditure ÷ this year's budget, a fraction ("0.48"); null without a budget. */
  executed: string | null;
}

/**
 * 预算执行进度 vs 时间进度 as a bullet chart: each row's execution (bar, %) against 100 % (grey track) and the time
 * progress (months elapsed ÷ 12) as a vertical marker line.
 */
export function budgetBulletOption(rows: BudgetRow[], monthsElapsed: number) {
  const time = Math.round((monthsElapsed / 12) * 10000) / 100;
  const pct = rows.map((r) => (r.executed === null ? null : Math.round(Number(r.executed) * 10000) / 100));
  const fmt = unitLabel("%");
  const subtitle = `时间进度 ${time.toFixed(2)}%（${monthsElapsed}/12 个月）`;
  return {
    ...baseOption("预算执行进度与时间进度（%）", subtitle),
    legend: { top: legendTop(subtitle), right: 0, data: ["预算执行进度", "时间进度"] },
    grid: { left: 8, right: 48, top: gridTop(subtitle), bottom: 8, containLabel: true },
    tooltip: { trigger: "axis" as const, axisPointer: { type: "shadow" as const }, valueFormatter: fmt },
    xAxis: {
      type: "value" as const,
      min: 0,
      max: Math.max(100, ...pct.map((v) => Math.ceil(v ?? 0))),
      axisLabel: { formatter: (v: number) => `${v}%` },
    },
    yAxis: { type: "category" as const, data: rows.map((r) => r.name), inverse: true },
    series: [
      {
        name: "全年预算",
        type: "bar" as const,
        data: rows.map(() => 100),
        barWidth: 22,
        barGap: "-100%",
        itemStyle: { color: "#eef1f5" },
        silent: true,
        tooltip: { show: false },
      },
      {
        name: "预算执行进度",
        type: "bar" as const,
        data: pct,
        barWidth: 10,
        itemStyle: { color: COLORS.primary },
        label: { show: true, position: "right" as const, formatter: (p: { value: unknown }) => fmt(p.value) },
        markLine: {
          symbol: "none",
          silent: true,
          lineStyle: { color: COLORS.own, width: 2, type: "solid" as const },
          label: { formatter: "时间进度" },
          data: [{ xAxis: time }],
        },
      },
      { name: "时间进度", type: "line" as const, data: [], itemStyle: { color: COLORS.own } },
    ],
  };
}
