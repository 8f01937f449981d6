/**
 * A chart as serialisable data: what a Server Component (or the PDF renderer) hands over, and the one place that
 * turns it into an ECharts option. Options carry formatter functions, which cannot cross from a Server Component
 * to a Client Component; specs can, so the builders run where the chart is drawn.
 */
import {
  balanceCapacityOption,
  budgetBulletOption,
  incomeExpenditureOption,
  type BalanceSeries,
  type BudgetRow,
  type SchemeFlow,
} from "./fund-options";
import {
  levelBoxOption,
  peerRankingOption,
  quadrantOption,
  type LevelBox,
  type RankedPoint,
  type QuadrantPoint,
  type Quartiles,
} from "./peer-options";
import { quarterTrendOption, sparklineOption, trend24Option, type QuarterTrend, type Trend24 } from "./trend24-option";

/** `title` replaces the builder's own title (a panel title the data group wrote, stating subject and unit). */
export type ChartSpec = { title?: string } & (
  | { kind: "sparkline"; values: (string | null)[] }
  | { kind: "trend24"; data: Trend24 }
  | { kind: "quarterTrend"; data: QuarterTrend }
  | { kind: "incomeExpenditure"; periods: string[]; schemes: SchemeFlow[]; note?: string }
  | { kind: "balanceCapacity"; periods: string[]; schemes: BalanceSeries[]; band?: [number, number] }
  | { kind: "budgetBullet"; rows: BudgetRow[]; monthsElapsed: number }
  | { kind: "peerRanking"; subject: string; unit: string; peers: RankedPoint[]; quartiles?: Quartiles }
  | { kind: "levelBox"; box: LevelBox; levelName: string }
  | { kind: "quadrant"; points: QuadrantPoint[]; labelPeers?: boolean }
);

export function buildOption(spec: ChartSpec) {
  const option = optionOf(spec);
  if (spec.title && "title" in option) option.title = { ...option.title, text: spec.title };
  return option;
}

function optionOf(spec: ChartSpec) {
  switch (spec.kind) {
    case "sparkline":
      return sparklineOption(spec.values);
    case "trend24":
      return trend24Option(spec.data);
    case "quarterTrend":
      return quarterTrendOption(spec.data);
    case "incomeExpenditure":
      return incomeExpenditureOption(spec.periods, spec.schemes, spec.note);
    case "balanceCapacity":
      return balanceCapacityOption(spec.periods, spec.schemes, spec.band);
    case "budgetBullet":
      return budgetBulletOption(spec.rows, spec.monthsElapsed);
    case "peerRanking":
      return peerRankingOption(spec.subject, spec.unit, spec.peers, spec.quartiles);
    case "levelBox":
      return levelBoxOption(spec.box, spec.levelName);
    case "quadrant":
      return quadrantOption(spec.points, spec.labelPeers);
  }
}
