/**
 * How a publication's frozen numbers read, and which charts its panels draw: pure functions of PublicationView
 * panel data, shared by the dashboard, the exports and (later) the PDF. Suppressed counts keep their marker
 * ("<5"), a missing value reads "—", changes of %-unit indicators are in 百分点.
 */
import { SCHEME_LABELS } from "@/app/_domain/catalogue";
import { formatMetric, MISSING } from "@/app/_domain/metrics/display";
import {
  isSuppressed,
  type Figure,
  type IndicatorInfo,
  type Num,
  type PanelData,
  type PeerPoint,
  type SeriesPoint,
} from "@/app/_domain/publications/types";
import { changeText, type ChangeText } from "@/components/charts/change";
import type { ChartSpec } from "@/components/charts/chart-spec";
import { rankingChartOf, type RankingChoice } from "@/components/charts/ranking-chart";

/** The key of an indicator × scheme in peer values ("IN05:TOTAL"). */
export const refKey = (i: Pick<IndicatorInfo, "code" | "scheme">) => `${i.code}:${i.scheme}`;

/** A frozen number as text in its unit's habit: "1,234.56", "12,345" (counts), "85.30%"; "<5" when suppressed. */
export function numText(v: Num | undefined, unit: string): string {
  if (v === undefined || v === null) return MISSING;
  if (isSuppressed(v)) return v.suppressed;
  const text = formatMetric(v, unit);
  return unit === "%" ? `${text}%` : text;
}

/** A number for a chart: suppressed and missing are gaps. */
export const chartValue = (v: Num | undefined): string | null => (typeof v === "string" ? v : null);

/** "基金支出（居民）" when the scheme needs saying; the name alone for TOTAL. */
export const indicatorName = (i: IndicatorInfo) => (i.scheme === "TOTAL" ? i.nameZh : `${i.nameZh}（${SCHEME_LABELS[i.scheme]}）`);

/** 同比 of a figure: a growth rate, or ± 百分点 for %-unit indicators; coloured only with a declared direction. */
export function yoyOf(f: Figure, i: IndicatorInfo, quarter = false): ChangeText {
  const v = i.percent ? (quarter ? f.quarterYoyDiff : f.yoyDiff) : quarter ? f.quarterYoy : f.yoy;
  return changeText(typeof v === "string" ? v : null, i.percent ? "points" : "growth", i.better, "同比");
}

/** 环比 (the month before, or the quarter before). */
export function momOf(f: Figure, i: IndicatorInfo, quarter = false): ChangeText {
  const v = i.percent ? (quarter ? f.qoqDiff : f.momDiff) : quarter ? f.qoq : f.mom;
  return changeText(typeof v === "string" ? v : null, i.percent ? "points" : "growth", i.better, "环比");
}

const values = (points: SeriesPoint[]) => points.map((p) => chartValue(p.value));
const periods = (points: SeriesPoint[]) => points.map((p) => p.period);

/** A chart's accessible label: its title and what it shows. */
export interface PanelChart {
  spec: ChartSpec;
  label: string;
  height: number;
}

/** The charts a region or own panel draws (tables, cards, text and alerts are drawn by components). */
export function panelCharts(data: PanelData, options: { peersNamed?: boolean; levelLabel?: string; title?: string } = {}): PanelChart[] {
  const charts = chartsOf(data, options);
  // One chart in the panel: the panel's title (written by the data group) is the chart's title.
  if (charts.length === 1 && options.title) charts[0]!.spec = { ...charts[0]!.spec, title: options.title };
  return charts;
}

function chartsOf(data: PanelData, options: { peersNamed?: boolean; levelLabel?: string }): PanelChart[] {
  switch (data.kind) {
    case "TREND":
      return data.lines.map((l) => ({
        spec: {
          kind: "trend24",
          data: {
            subject: indicatorName(l.indicator),
            unit: l.indicator.unit,
            periods: periods(l.current),
            values: values(l.current),
            lastYear: values(l.lastYear),
          },
        },
        label: `${indicatorName(l.indicator)}月度趋势，本期与上年同期`,
        height: 280,
      }));
    case "INCOME_EXPENDITURE": {
      const first = data.pairs[0];
      if (!first) return [];
      const spec: ChartSpec = {
        kind: "incomeExpenditure",
        periods: periods(first.income.points),
        schemes: data.pairs.map((p) => ({ scheme: p.label, income: values(p.income.points), expenditure: values(p.expenditure.points) })),
      };
      return [{ spec, label: "分险种基金收入与支出", height: 320 }];
    }
    case "BALANCE_CAPACITY": {
      const first = data.balances[0];
      if (!first) return [];
      const schemes = data.balances.map((b, k) => ({
        scheme: SCHEME_LABELS[b.indicator.scheme] ?? b.indicator.nameZh,
        balance: values(b.points),
        months: values(data.capacities[k]?.points ?? []),
      }));
      return [
        {
          spec: { kind: "balanceCapacity", periods: periods(first.points), schemes, band: data.band },
          label: "累计结余与可支付月数",
          height: 320,
        },
      ];
    }
    case "BUDGET_EXECUTION": {
      const monthsElapsed = Math.round(Number(data.timeProgress) * 12);
      const rows = [{ name: SCHEME_LABELS[data.indicator.scheme], executed: chartValue(data.execution) }];
      return [{ spec: { kind: "budgetBullet", rows, monthsElapsed }, label: "预算执行进度与时间进度", height: 180 }];
    }
    case "PEER_QUADRANT": {
      const key = (i: IndicatorInfo | null) => (i ? refKey(i) : "");
      const points = data.points.map((p) => ({
        label: p.label,
        own: p.own,
        cost: chartValue(p.values[key(data.x)]),
        time: chartValue(p.values[key(data.y)]),
        cmi: data.size ? chartValue(p.values[key(data.size)]) : null,
      }));
      return [
        {
          spec: { kind: "quadrant", points, labelPeers: !!options.peersNamed },
          label: `${data.x.nameZh}与${data.y.nameZh}的同级机构分布，本院已标出`,
          height: 380,
        },
      ];
    }
    case "PEER_DISTRIBUTION":
      return data.rows.map((r) => ({
        spec: {
          kind: "levelBox",
          levelName: options.levelLabel ?? "同级",
          box: {
            name: indicatorName(r.indicator),
            unit: r.indicator.unit,
            min: chartValue(r.level.min),
            q1: chartValue(r.level.q1),
            median: chartValue(r.level.median),
            q3: chartValue(r.level.q3),
            max: chartValue(r.level.max),
            own: chartValue(r.own),
          },
        },
        label: `${indicatorName(r.indicator)}：同级四分位与本院`,
        height: 150,
      }));
    default:
      return [];
  }
}

/** One own indicator's ranking among the peers the recipient may see (none in own-only mode), as compact data. */
export function rankingChoice(indicator: IndicatorInfo, peers: PeerPoint[], level: { q1: Num; median: Num; q3: Num }): RankingChoice {
  const key = refKey(indicator);
  return {
    name: `${indicator.code} ${indicatorName(indicator)}`,
    subject: indicatorName(indicator),
    unit: indicator.unit,
    values: peers.map((p) => chartValue(p.values[key])),
    quartiles: { q1: chartValue(level.q1), median: chartValue(level.median), q3: chartValue(level.q3) },
  };
}

/** Its chart (null when fewer than two peers have a value). */
export const rankingChart = (indicator: IndicatorInfo, peers: PeerPoint[], level: { q1: Num; median: Num; q3: Num }): PanelChart | null =>
  rankingChartOf(peers, rankingChoice(indicator, peers, level));
