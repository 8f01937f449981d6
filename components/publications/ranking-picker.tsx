"use client";

import { useState } from "react";
import { EChart } from "@/components/charts/echart";
import type { PanelChart } from "./figures";
import s from "./dashboard.module.css";

/** One ranking chart at a time, the indicator chosen with a native select (no widget library on the dashboard). */
export function RankingPicker({ options }: { options: { name: string; chart: PanelChart }[] }) {
  const [index, setIndex] = useState(0);
  const current = options[index] ?? options[0]!;
  return (
    <div style={{ marginTop: 12 }}>
      <label className={s.meta} style={{ alignItems: "center" }}>
        同级排名：
        <select
          value={index}
          onChange={(e) => setIndex(Number(e.target.value))}
          className={s.button}
          style={{ maxWidth: "100%" }}
          aria-label="选择排名指标"
        >
          {options.map((o, k) => (
            <option key={o.name} value={k}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <EChart spec={current.chart.spec} height={current.chart.height} label={current.chart.label} testId="peer-ranking" />
    </div>
  );
}
