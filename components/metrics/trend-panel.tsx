"use client";

import { Alert, Card, Segmented, Select, Spin, Typography } from "antd";
import dynamic from "next/dynamic";
import { useState } from "react";
import { SCHEME_LABELS, type Scheme } from "@/app/_domain/catalogue";
import type { getMetricTrend } from "@/app/_server/metrics/get-metric-trend";
import { query, useJson } from "@/components/ui/use-json";

type Trend = Awaited<ReturnType<typeof getMetricTrend>>;

// ECharts draws on a canvas in the browser only.
const TrendChart = dynamic(() => import("./trend-chart").then((m) => m.TrendChart), {
  ssr: false,
  loading: () => <div style={{ height: 300 }} />,
});

/** 趋势: one region indicator month by month, this year against last year. */
export function TrendPanel({
  regionCode,
  period,
  indicators,
}: {
  regionCode: string;
  period: string;
  indicators: { code: string; scheme: Scheme; nameZh: string; schemeCount: number; basis: string }[];
}) {
  const first = indicators.find((i) => i.code === "FE03") ?? indicators[0];
  const [selected, setSelected] = useState(first ? `${first.code}|${first.scheme}` : "");
  const [view, setView] = useState<"month" | "ytd">("month");
  const [code, scheme] = selected.split("|") as [string, Scheme];
  const flow = indicators.find((i) => i.code === code)?.basis === "FLOW";
  const state = useJson<Trend>(code ? `/api/metrics/trend?${query({ regionCode, period, indicator: code, scheme, view })}` : null);
  if (!first) return null;
  return (
    <Card size="small" style={{ marginTop: 16 }} title="月度趋势：本年与上年" data-testid="trend-panel">
      {/* A wrapping row (not Space): the select's max-width then resolves against the card, so it fits a phone. */}
      <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8, marginBottom: 8 }}>
        <Select
          aria-label="指标"
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: 420, maxWidth: "100%" }}
          value={selected}
          onChange={setSelected}
          options={indicators.map((i) => ({
            value: `${i.code}|${i.scheme}`,
            label: `${i.code} ${i.nameZh}${i.schemeCount > 1 ? `（${SCHEME_LABELS[i.scheme]}）` : ""}`,
          }))}
        />
        {flow && (
          <Segmented
            value={view}
            onChange={(v) => setView(v as "month" | "ytd")}
            options={[
              { value: "month", label: "当月值" },
              { value: "ytd", label: "本年累计" },
            ]}
          />
        )}
        {state === null && <Spin size="small" />}
      </div>
      {state?.ok === false && <Alert type="warning" showIcon title={state.message} />}
      {state?.ok && (
        <>
          <TrendChart trend={state.data} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            单位：{state.data.indicator.unit}；缺少数据的月份留空。
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
