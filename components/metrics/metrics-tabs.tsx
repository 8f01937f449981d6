"use client";

import { Card, Empty, Tabs } from "antd";
import { useMetricsUrl } from "./use-metrics-url";

export type MetricsTab = "region" | "institutions" | "narrative";

const LABELS: Record<MetricsTab, string> = { region: "统筹区指标", institutions: "医疗机构比较", narrative: "智能解读" };

/**
 * The page's views; the active one is rendered on the server and passed in as children. Without
 * `institutions` (supervisors: institutions only as published) the 医疗机构比较 tab is not offered.
 */
export function MetricsTabs({
  tab,
  empty,
  institutions = true,
  children,
}: {
  tab: MetricsTab;
  empty?: string;
  institutions?: boolean;
  children?: React.ReactNode;
}) {
  const { go } = useMetricsUrl();
  const body = empty ? <Empty description={empty} /> : children;
  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={tab}
        onChange={(k) => go({ tab: k === "region" ? null : k, indicator: null, view: null })}
        items={(Object.keys(LABELS) as MetricsTab[])
          .filter((k) => institutions || k !== "institutions")
          .map((k) => ({ key: k, label: LABELS[k], children: k === tab ? body : null }))}
      />
    </Card>
  );
}
