"use client";

import { useEffect, useRef } from "react";
import type { getMetricTrend } from "@/app/_server/metrics/get-metric-trend";

type Trend = Awaited<ReturnType<typeof getMetricTrend>>;

const MONTHS = Array.from({ length: 12 }, (_, k) => `${k + 1}月`);
const num = (v: string | null) => (v === null ? null : Number(v)); // display only: the chart needs numbers

/** The ECharts line chart (canvas), loaded only in the browser (next/dynamic with ssr: false). */
export function TrendChart({ trend }: { trend: Trend }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const onResize = () => chart?.resize();
    (async () => {
      const echarts = await import("echarts");
      if (disposed || !ref.current) return;
      const c = echarts.init(ref.current, undefined, { renderer: "canvas" });
      chart = c;
      c.setOption({
        animation: false,
        grid: { left: 72, right: 24, top: 36, bottom: 28 },
        legend: { top: 0 },
        tooltip: { trigger: "axis", valueFormatter: (v: unknown) => (v === null || v === undefined || v === "-" ? "—" : Number(v).toLocaleString("zh-CN", { maximumFractionDigits: 2 })) },
        xAxis: { type: "category", data: MONTHS },
        yAxis: { type: "value", name: trend.indicator.unit, scale: true, axisLabel: { formatter: (v: number) => v.toLocaleString("zh-CN") } },
        color: ["#1458b8", "#9aa3b2"],
        series: [
          { name: `${trend.year}年`, type: "line", data: trend.thisYear.map(num), connectNulls: false, symbolSize: 6 },
          { name: `${trend.year - 1}年`, type: "line", data: trend.lastYear.map(num), connectNulls: false, symbolSize: 5, lineStyle: { type: "dashed" } },
        ],
      });
      window.addEventListener("resize", onResize);
    })();
    return () => {
      disposed = true;
      window.removeEventListener("resize", onResize);
      chart?.dispose();
    };
  }, [trend]);
  return <div ref={ref} style={{ height: 300, width: "100%" }} data-testid="trend-chart" />;
}
