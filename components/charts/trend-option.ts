/**
 * The option of the 本年与上年 monthly trend chart, shared by the browser (canvas) and, later, the PDF renderer
 * (ECharts SSR to SVG): one chart pipeline. Numbers are converted for drawing only; a missing
 * month stays a gap (null), never 0.
 */
export interface TrendSeries {
  year: number;
  unit: string;
  thisYear: (string | null)[];
  lastYear: (string | null)[];
}

const MONTHS = Array.from({ length: 12 }, (_, k) => `${k + 1}月`);
const num = (v: string | null) => (v === null ? null : Number(v));
const label = (v: unknown) =>
  v === null || v === undefined || v === "-" ? "—" : Number(v).toLocaleString("zh-CN", { maximumFractionDigits: 2 });

export function trendOption(t: TrendSeries) {
  return {
    animation: false,
    grid: { left: 72, right: 24, top: 36, bottom: 28 },
    legend: { top: 0 },
    tooltip: { trigger: "axis", valueFormatter: label },
    xAxis: { type: "category", data: MONTHS },
    yAxis: { type: "value", name: t.unit, scale: true, axisLabel: { formatter: (v: number) => v.toLocaleString("zh-CN") } },
    color: ["#1458b8", "#9aa3b2"],
    series: [
      { name: `${t.year}年`, type: "line", data: t.thisYear.map(num), connectNulls: false, symbolSize: 6 },
      {
        name: `${t.year - 1}年`,
        type: "line",
        data: t.lastYear.map(num),
        connectNulls: false,
        symbolSize: 5,
        lineStyle: { type: "dashed" },
      },
    ],
  };
}
