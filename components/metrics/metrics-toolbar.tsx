"use client";

import { Card, Segmented, Select, Space, Spin, Typography } from "antd";
import { monthLabel, quarterLabel } from "@/app/_domain/periods";
import type { MetricsTab } from "./metrics-tabs";
import { useMetricsUrl } from "./use-metrics-url";

/** 统筹区 (supervisors), 月度/季度 and the period: the choices of the 指标分析 page, kept in the address. */
export function MetricsToolbar(props: {
  regions: { code: string; name: string }[];
  region: string;
  tab: MetricsTab;
  mode: "month" | "quarter";
  period: string | null;
  periods: string[];
  quarters: string[];
}) {
  const { go, pending } = useMetricsUrl();
  // Institutions compare one month; the narrative is a quarter's.
  const modeFixed = props.tab !== "region";
  const quarterly = props.mode === "quarter";
  const choices = quarterly ? props.quarters : props.periods;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Space wrap size="large">
        {props.regions.length > 1 && (
          <Space>
            <Typography.Text type="secondary">统筹区</Typography.Text>
            <Select
              data-testid="region-select"
              aria-label="统筹区"
              style={{ width: 180 }}
              value={props.region}
              options={props.regions.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
              onChange={(v) => go({ region: v, period: null, indicator: null })}
            />
          </Space>
        )}
        {!modeFixed && (
          <Segmented
            data-testid="mode-select"
            value={props.mode}
            options={[
              { value: "month", label: "月度" },
              { value: "quarter", label: "季度" },
            ]}
            onChange={(v) => go({ mode: v === "quarter" ? "quarter" : null, period: null })}
          />
        )}
        <Space>
          <Typography.Text type="secondary">{quarterly ? "季度" : "月份"}</Typography.Text>
          <Select
            data-testid="period-select"
            aria-label={quarterly ? "季度" : "月份"}
            style={{ width: 160 }}
            value={props.period ?? undefined}
            placeholder="暂无数据"
            disabled={!choices.length}
            options={choices.map((p) => ({ value: p, label: quarterly ? quarterLabel(p) : monthLabel(p) }))}
            onChange={(v) => go({ period: v })}
          />
        </Space>
        {pending && <Spin size="small" />}
      </Space>
    </Card>
  );
}
