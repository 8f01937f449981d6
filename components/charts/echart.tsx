"use client";

import { useEffect, useRef } from "react";
import { buildOption, type ChartSpec } from "./chart-spec";

/**
 * One chart on a canvas. ECharts (its registered parts only) is imported when the chart first comes near the
 * viewport, so the dashboard's first paint carries no chart code; the box keeps its height meanwhile, so nothing
 * jumps. `label` is read by screen readers (a canvas says nothing).
 */
export function EChart({ spec, height = 300, label, testId }: { spec: ChartSpec; height?: number; label: string; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const resize = new ResizeObserver(() => chart?.resize());
    const draw = async () => {
      const { init } = await import("./echarts-core");
      if (disposed) return;
      const c = init(el, undefined, { renderer: "canvas" });
      c.setOption(buildOption(spec) as Parameters<typeof c.setOption>[0]);
      chart = c;
      el.dataset.drawn = "true";
      resize.observe(el);
    };
    const seen = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          seen.disconnect();
          void draw();
        }
      },
      { rootMargin: "200px" },
    );
    seen.observe(el);
    return () => {
      disposed = true;
      seen.disconnect();
      resize.disconnect();
      chart?.dispose();
    };
  }, [spec]);
  return <div ref={ref} role="img" aria-label={label} data-testid={testId} style={{ height, width: "100%", minWidth: 0 }} />;
}
