"use client";

import { useEffect, useRef } from "react";
import type { getMetricTrend } from "@/app/_server/metrics/get-metric-trend";
import { trendOption } from "@/components/charts/trend-option";

type Trend = Awaited<ReturnType<typeof getMetricTrend>>;

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
      c.setOption(trendOption({ year: trend.year, unit: trend.indicator.unit, thisYear: trend.thisYear, lastYear: trend.lastYear }));
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
