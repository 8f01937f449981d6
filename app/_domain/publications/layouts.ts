import { addMonths, isQuarterEnd, monthLabel, quarterLabel, quarterMonths, type Period } from "../periods";
import type { IndicatorRef, Layout, PanelSpec, PublicationKind, PublicationPeriod } from "./types";

/**
 * Default layouts of the three kinds (docs/publications.md), mapped to NHSA-2025-03 codes. Data, not code: the
 * data group edits a copy in each draft. Panels referring to indicators the region's catalogue lacks show "—".
 */

const r = (code: string, scheme?: IndicatorRef["scheme"]): IndicatorRef => (scheme ? { code, scheme } : { code });
const refs = (...codes: string[]) => codes.map((c) => r(c));

const NARRATIVE: PanelSpec = { id: "narrative", kind: "NARRATIVE", title: "智能解读", source: "narrative" };
const NOTES: PanelSpec = { id: "notes", kind: "NOTES", title: "说明" };

export const MONTHLY_LAYOUT: Layout = {
  sections: [
    {
      id: "highlights",
      title: "本月要点",
      scope: "REGION",
      panels: [{ id: "kpi", kind: "KPI_CARDS", title: "基金运行要点", indicators: refs("FE03", "FI05", "FB05", "FB06", "SV02") }],
    },
    {
      id: "own",
      title: "本院本月",
      scope: "OWN",
      panels: [
        {
          id: "own",
          kind: "OWN_INDICATORS",
          title: "本院主要指标与同级排名",
          indicators: refs("IN01", "IN02", "IN03", "IN05", "IN07", "IN09", "IN19"),
        },
        { id: "alerts", kind: "ALERTS", title: "预警提示" },
      ],
    },
    { id: "reading", title: "智能解读", scope: "REGION", panels: [NARRATIVE, NOTES] },
  ],
};

const OWN_QUARTER = refs(
  "IN01",
  "IN02",
  "IN03",
  "IN04",
  "IN05",
  "IN06",
  "IN07",
  "IN08",
  "IN09",
  "IN10",
  "IN11",
  "IN12",
  "IN13",
  "IN14",
  "IN15",
  "IN16",
  "IN17",
  "IN18",
  "IN19",
  "IN20",
);

export const QUARTERLY_LAYOUT: Layout = {
  sections: [
    {
      id: "fund",
      title: "亮家底 · 基金运行",
      scope: "REGION",
      panels: [
        { id: "kpi", kind: "KPI_CARDS", title: "基金收支与结余（万元）", indicators: refs("FI05", "FE03", "FB01", "FB02", "FB03", "FB04") },
        {
          id: "income-expenditure",
          kind: "INCOME_EXPENDITURE",
          title: "分险种基金收支（万元，近24个月）",
          pairs: [
            { label: "职工", income: r("FI03"), expenditure: r("FE01") },
            { label: "居民", income: r("FI04"), expenditure: r("FE02") },
          ],
          note: "居民医保基金收入主要在第四季度集中到账，月度收支差异不代表基金失衡。",
        },
        {
          id: "balance",
          kind: "BALANCE_CAPACITY",
          title: "累计结余（万元）与可支付月数",
          balances: refs("FB03", "FB04"),
          capacities: refs("FB05", "FB06"),
          note: "6–9 个月为合理区间。",
        },
        { id: "budget", kind: "BUDGET_EXECUTION", title: "预算执行进度与时间进度", indicators: refs("FE03", "BG01") },
      ],
    },
    {
      id: "payment",
      title: "支付方式改革 · DRG/DIP",
      scope: "REGION",
      panels: [
        {
          id: "drg",
          kind: "INDICATOR_TABLE",
          title: "DRG/DIP 付费运行",
          indicators: refs("PM01", "PM02", "PM03", "PM05", "PM06", "PM07", "PM08"),
        },
      ],
    },
    {
      id: "service",
      title: "医疗服务",
      scope: "REGION",
      panels: [
        {
          id: "service",
          kind: "INDICATOR_TABLE",
          title: "医疗服务主要指标",
          indicators: refs("SV01", "SV02", "SV03", "SV05", "SV07", "SV09", "SV10"),
        },
      ],
    },
    {
      id: "assistance",
      title: "城乡医疗救助",
      scope: "REGION",
      panels: [{ id: "assistance", kind: "INDICATOR_TABLE", title: "医疗救助", indicators: refs("MA01", "MA02", "MA03", "MA04", "MA05") }],
    },
    {
      id: "own",
      title: "本院 · 比质效",
      scope: "OWN",
      panels: [
        { id: "own", kind: "OWN_INDICATORS", title: "本院指标与同级比较", indicators: OWN_QUARTER },
        {
          id: "quadrant",
          kind: "PEER_QUADRANT",
          title: "费用消耗指数与时间消耗指数（同级机构）",
          x: r("IN12"),
          y: r("IN13"),
          size: r("IN11"),
        },
        {
          id: "distribution",
          kind: "PEER_DISTRIBUTION",
          title: "重点指标同级分布",
          indicators: refs("IN05", "IN07", "IN09", "IN19", "IN20"),
        },
        { id: "alerts", kind: "ALERTS", title: "预警提示" },
      ],
    },
    { id: "reading", title: "智能解读", scope: "REGION", panels: [NARRATIVE] },
    { id: "notes", title: "说明", scope: "REGION", panels: [NOTES] },
  ],
};

/** 三级医疗机构专场 (Hefei, 2025-03-21): named rankings of the DRG evaluation indicators and the quadrant. */
export const LEVEL_3_SPECIAL_LAYOUT: Layout = {
  sections: [
    {
      id: "own",
      title: "三级医疗机构比质效",
      scope: "OWN",
      panels: [
        {
          id: "own",
          kind: "OWN_INDICATORS",
          title: "三级医疗机构主要指标排名",
          indicators: refs("IN02", "IN05", "IN07", "IN11", "IN12", "IN13", "IN19"),
        },
        { id: "quadrant", kind: "PEER_QUADRANT", title: "费用消耗指数与时间消耗指数", x: r("IN12"), y: r("IN13"), size: r("IN11") },
        { id: "alerts", kind: "ALERTS", title: "预警提示" },
      ],
    },
    {
      id: "reading",
      title: "解读",
      scope: "REGION",
      panels: [{ id: "narrative", kind: "NARRATIVE", title: "专题解读", source: "narrative" }, NOTES],
    },
  ],
};

export const BLANK_LAYOUT: Layout = { sections: [{ id: "main", title: "专题内容", scope: "REGION", panels: [NARRATIVE] }] };

export function defaultLayout(kind: PublicationKind): Layout {
  const layout = kind === "MONTHLY_PUSH" ? MONTHLY_LAYOUT : kind === "QUARTERLY_RELEASE" ? QUARTERLY_LAYOUT : BLANK_LAYOUT;
  return structuredClone(layout);
}

/** The period of a monthly push, a quarterly release (`end` a quarter-end month) or a topical range. */
export function publicationPeriod(kind: PublicationKind, end: Period, start?: Period): PublicationPeriod {
  if (kind === "MONTHLY_PUSH") return { start: end, end, label: monthLabel(end) };
  if (kind === "QUARTERLY_RELEASE") {
    if (!isQuarterEnd(end)) throw new Error(`季发布的期间须为季度末月份：${end}`);
    return { start: quarterMonths(end)[0], end, label: quarterLabel(end) };
  }
  const from = start ?? end;
  return { start: from, end, label: from === end ? monthLabel(end) : `${monthLabel(from)}—${monthLabel(end)}` };
}

/** The default title: "合肥市医保数据月推送（2025年6月）". */
export function defaultTitle(kind: PublicationKind, regionName: string, period: PublicationPeriod): string {
  const noun = kind === "MONTHLY_PUSH" ? "医保数据月推送" : kind === "QUARTERLY_RELEASE" ? "医保数据季度发布" : "专题分析";
  return `${regionName}${noun}（${period.label}）`;
}

/** Every indicator a layout refers to (for reading the metrics and for NOTES). */
export function layoutIndicators(layout: Layout): IndicatorRef[] {
  const out: IndicatorRef[] = [];
  for (const s of layout.sections)
    for (const p of s.panels) {
      out.push(...(p.indicators ?? []), ...(p.balances ?? []), ...(p.capacities ?? []));
      for (const pair of p.pairs ?? []) out.push(pair.income, pair.expenditure);
      for (const a of [p.x, p.y, p.size]) if (a) out.push(a);
    }
  return out;
}

/** The months before `end` a snapshot reads: 24 months of trends and the year before them. */
export const trendMonths = (end: Period, count = 36): Period[] => Array.from({ length: count }, (_, i) => addMonths(end, i - count + 1));
