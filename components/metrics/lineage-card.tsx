"use client";

import { Alert, Descriptions, Popover, Spin, Table, Tag, Typography } from "antd";
import Link from "next/link";
import { useState } from "react";
import { SCHEME_LABELS, type Scheme } from "@/app/_domain/catalogue";
import { formatChange, formatMetric, inYi } from "@/app/_domain/metrics/display";
import { addMonths, monthLabel } from "@/app/_domain/periods";
import type { getMetricLineage } from "@/app/_server/metrics/get-metric-lineage";
import type { getMetricsTable, MetricTableRow } from "@/app/_server/metrics/get-metrics-table";
import { query, useJson } from "@/components/ui/use-json";

export type LineageField = "current" | "ytd" | "prevYearYtd" | "yoy" | "mom";
type Data = Awaited<ReturnType<typeof getMetricsTable>>;
type Lineage = Awaited<ReturnType<typeof getMetricLineage>>;
type Input = Lineage["lineage"]["inputs"][number];

function fieldLabel(field: LineageField, quarterly: boolean): string {
  const current = quarterly ? "本季" : "本月";
  return { current, ytd: "本年累计", prevYearYtd: "上年同期", yoy: "累计同比", mom: `${current}环比` }[field];
}

/** How the number is defined (docs/product.md §4), in the words of a statistical table's notes. */
function explanation(row: MetricTableRow, field: LineageField, quarterly: boolean): string {
  const flow = row.basis === "FLOW";
  const points = row.unit === "%";
  if (quarterly && (field === "current" || field === "mom")) {
    if (field === "current") {
      if (row.derived) return "按公式，用各输入的本季值计算（流量输入取季末累计 − 上季末累计，存量、比率类输入取季末值）。";
      return flow ? "本季 = 季末本年累计 − 上季末本年累计（一季度即为累计值）。" : "本季取季末月份的值。";
    }
    const previous = `上季为 ${formatMetric(row.quarter?.previous ?? null, row.unit)}`;
    return points ? `本季环比 = 本季 − 上季（百分点）；${previous}。` : `本季环比 = 本季 ÷ 上季 − 1；${previous}。`;
  }
  if (points && (field === "yoy" || field === "mom"))
    return field === "yoy" ? "百分比指标的同比以百分点表示：本年累计 − 上年同期。" : "百分比指标的环比以百分点表示：本月值 − 上月值。";
  if (field === "yoy") return flow || row.derived ? "累计同比 = 本年累计 ÷ 上年同期累计 − 1。" : "同比 = 本期值 ÷ 上年同月值 − 1。";
  if (field === "mom")
    return flow || row.derived ? "本月环比 = 本月值 ÷ 上月的本月值 − 1（1月与上年12月比）。" : "环比 = 本期值 ÷ 上月值 − 1。";
  if (field === "prevYearYtd") return row.derived ? "上年同月按同一公式计算的本年累计值。" : "上年同月底稿的本年累计（期末）值。";
  if (row.derived)
    return field === "ytd" ? "按公式，用各输入的本年累计值计算。" : "按公式，用各输入的本月值计算（存量、比率类输入取期末值）。";
  if (!flow) return "底稿上报的期末（当期）值。";
  return field === "ytd" ? "底稿上报的本年累计值。" : "本月 = 本月累计 − 上月累计（1月即为累计值）。";
}

/** The figure the card is about, as the table shows it. */
function figure(row: MetricTableRow, field: LineageField, quarterly: boolean): string {
  switch (field) {
    case "current":
      return formatMetric(quarterly ? (row.quarter?.value ?? null) : row.month, row.unit);
    case "ytd":
      return formatMetric(row.ytd, row.unit);
    case "prevYearYtd":
      return formatMetric(row.prevYearYtd, row.unit);
    case "yoy":
      return formatChange(row.unit, row.yoy, row.yoyDiff);
    case "mom":
      return quarterly ? formatChange(row.unit, row.quarter?.qoq, row.quarter?.qoqDiff) : formatChange(row.unit, row.mom, row.momDiff);
  }
}

/** Loads a value's lineage: the formula (derived indicators) and the inputs with their months and source versions. */
export function LineageDetails(props: {
  regionCode: string;
  period: string;
  indicator: string;
  scheme: Scheme;
  institution?: string | null;
  canOpenSheets: boolean;
  /** Shown above the formula. */
  explanation?: string;
}) {
  const { regionCode, period, indicator, scheme, institution } = props;
  const state = useJson<Lineage>(`/api/metrics/lineage?${query({ regionCode, period, indicator, scheme, institution })}`);
  const derived = state?.ok ? state.data.formula !== null : false;
  return (
    <>
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 90 } }}>
        {props.explanation && <Descriptions.Item label="口径">{props.explanation}</Descriptions.Item>}
        {derived && state?.ok && (
          <Descriptions.Item label="公式">
            <Formula lineage={state.data} />
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Text strong style={{ display: "block", margin: "12px 0 6px" }}>
        输入值及来源底稿
      </Typography.Text>
      {state === null ? (
        <Spin size="small" />
      ) : !state.ok ? (
        <Alert type="warning" showIcon title={state.message} />
      ) : (
        <InputsTable lineage={state.data} period={period} canOpenSheets={props.canOpenSheets} />
      )}
    </>
  );
}

function LineageCard({ data, row, field }: { data: Data; row: MetricTableRow; field: LineageField }) {
  const quarterly = data.mode === "quarter";
  const period = data.period!;
  const value = figure(row, field, quarterly);
  const unit = field === "yoy" || field === "mom" || value === "—" ? "" : ` ${row.unit}`;
  const yi =
    field === "yoy" || field === "mom"
      ? null
      : inYi(field === "ytd" ? row.ytd : field === "prevYearYtd" ? row.prevYearYtd : null, row.unit);
  return (
    <div style={{ width: 640, maxWidth: "80vw" }} data-testid="lineage-card">
      <Typography.Text strong style={{ fontSize: 15 }}>
        {row.nameZh}（{SCHEME_LABELS[row.scheme]}）
      </Typography.Text>
      <div style={{ margin: "6px 0 10px" }}>
        <Typography.Text type="secondary">
          {data.label} · {fieldLabel(field, quarterly)}：
        </Typography.Text>
        <Typography.Text strong className="num" style={{ fontSize: 18 }}>
          {value}
          {unit}
        </Typography.Text>
        {yi && <Typography.Text type="secondary">（约 {yi}）</Typography.Text>}
      </div>
      <LineageDetails
        regionCode={data.region.code}
        period={period}
        indicator={row.code}
        scheme={row.scheme}
        canOpenSheets={data.canOpenSheets}
        explanation={explanation(row, field, quarterly)}
      />
    </div>
  );
}

function Formula({ lineage }: { lineage: Lineage }) {
  return (
    <>
      <Typography.Text code>{lineage.formula}</Typography.Text>
      <div style={{ marginTop: 4 }}>
        {Object.entries(lineage.indicators).map(([code, d]) => (
          <div key={code} style={{ fontSize: 12 }}>
            <Typography.Text type="secondary" className="num">
              {code}
            </Typography.Text>{" "}
            {d.nameZh}（{d.unit}）
          </div>
        ))}
      </div>
    </>
  );
}

function InputsTable({ lineage, period, canOpenSheets }: { lineage: Lineage; period: string; canOpenSheets: boolean }) {
  const rows = [...lineage.lineage.inputs].sort(
    (a, b) => b.period.localeCompare(a.period) || a.code.localeCompare(b.code) || a.view.localeCompare(b.view),
  );
  const distance = (p: string) =>
    p === period ? "本期" : p === addMonths(period, -1) ? "上月" : p === addMonths(period, -12) ? "上年同期" : "";
  return (
    <Table<Input>
      size="small"
      pagination={false}
      rowKey={(r) => `${r.code}|${r.scheme}|${r.period}|${r.view}|${r.institutionCode ?? ""}`}
      dataSource={rows}
      scroll={{ y: 260 }}
      columns={[
        {
          title: "指标",
          key: "code",
          render: (_, r) => (
            <span>
              <Typography.Text type="secondary" className="num" style={{ fontSize: 12 }}>
                {r.code}
              </Typography.Text>{" "}
              {lineage.indicators[r.code]?.nameZh ?? ""}
            </span>
          ),
        },
        { title: "险种", key: "scheme", width: 56, render: (_, r) => SCHEME_LABELS[r.scheme as Scheme] },
        {
          title: "月份",
          key: "period",
          width: 150,
          render: (_, r) => (
            <span style={{ whiteSpace: "nowrap" }}>
              {monthLabel(r.period)}
              {distance(r.period) && (
                <Tag style={{ marginLeft: 4, marginRight: 0 }} variant="filled">
                  {distance(r.period)}
                </Tag>
              )}
            </span>
          ),
        },
        { title: "取值", key: "view", width: 56, render: (_, r) => (r.view === "ytd" ? "累计" : "本月") },
        {
          title: "数值",
          key: "value",
          width: 120,
          align: "right",
          render: (_, r) => <span className="num">{formatMetric(r.value, lineage.indicators[r.code]?.unit ?? "")}</span>,
        },
        {
          title: "来源",
          key: "source",
          width: 96,
          render: (_, r) => {
            if (r.versionId === null) return <Typography.Text type="secondary">{r.value === null ? "无底稿" : "派生值"}</Typography.Text>;
            const v = lineage.versions[r.versionId];
            const text = v ? `第 ${v.version} 版` : "底稿";
            return canOpenSheets ? <Link href={`/sheets/${r.versionId}`}>{text}</Link> : text;
          },
        },
      ]}
    />
  );
}

/** Wraps a number: a click opens its lineage card (loaded on first open). */
export function LineagePopover({
  data,
  row,
  field,
  children,
}: {
  data: Data;
  row: MetricTableRow;
  field: LineageField;
  children: React.ReactNode;
}) {
  return <ClickPopover content={() => <LineageCard data={data} row={row} field={field} />}>{children}</ClickPopover>;
}

/**
 * A popover opened by a click on `children`, mounted on the first click: a table of a few hundred numbers renders
 * plain spans, not an Ant Design Popover per cell (each one computed its placements and trigger on the server:
 * about 35 ms of a /metrics page). The content is built when opened and unmounted when hidden.
 */
export function ClickPopover({ content, children }: { content: () => React.ReactNode; children: React.ReactNode }) {
  const [open, setOpen] = useState<boolean | null>(null); // null: never opened
  if (open === null) return <span onClick={() => setOpen(true)}>{children}</span>;
  return (
    <Popover trigger="click" open={open} onOpenChange={setOpen} destroyOnHidden placement="left" content={content()}>
      <span>{children}</span>
    </Popover>
  );
}
