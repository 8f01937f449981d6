"use client";

import { useMemo, useState } from "react";
import { EChart } from "@/components/charts/echart";
import { rankingChartOf, type RankingChoice } from "@/components/charts/ranking-chart";
import s from "./dashboard.module.css";

/**
 * One ranking chart at a time, the indicator chosen with a native select (no widget library on the dashboard).
 * Every choice has at least two peers with a value; the chart of the chosen one is built here.
 */
export function RankingPicker({ peers, choices }: { peers: { label: string; own: boolean }[]; choices: RankingChoice[] }) {
  const [index, setIndex] = useState(0);
  const chart = useMemo(() => rankingChartOf(peers, choices[index] ?? choices[0]!)!, [peers, choices, index]);
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
          {choices.map((c, k) => (
            <option key={c.name} value={k}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <EChart spec={chart.spec} height={chart.height} label={chart.label} testId="peer-ranking" />
    </div>
  );
}
