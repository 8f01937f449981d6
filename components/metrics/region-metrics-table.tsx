"use client";

import { Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { SCHEME_LABELS } from "@/app/_domain/catalogue";
import { formatChange, formatMetric, MISSING } from "@/app/_domain/metrics/display";
import type { getMetricsTable, MetricTableRow } from "@/app/_server/metrics/get-metrics-table";
import { LineagePopover, type LineageField } from "./lineage-card";

type Data = Awaited<ReturnType<typeof getMetricsTable>>;
type Row = MetricTableRow & { category: string; categorySpan: number; nameSpan: number };

/** A number that opens its lineage card. */
function Cell({ data, row, field, text }: { data: Data; row: Row; field: LineageField; text: string }) {
  if (text === MISSING)
    return (
      <LineagePopover data={data} row={row} field={field}>
        <span className="metric-cell metric-missing">{MISSING}</span>
      </LineagePopover>
    );
  return (
    <LineagePopover data={data} row={row} field={field}>
      <span className="metric-cell num" data-testid={`cell-${row.code}-${row.scheme}-${field}`}>
        {text}
      </span>
    </LineagePopover>
  );
}

/** 同比/环比: a signed percentage, or percentage points for a %-unit indicator (formatChange). */
function Growth({
  data,
  row,
  field,
  value,
  diff,
}: {
  data: Data;
  row: Row;
  field: LineageField;
  value: string | null;
  diff: string | null;
}) {
  const text = formatChange(row.unit, value, diff);
  const color = text.startsWith("+") ? "#c0392b" : text.startsWith("-") ? "#1e8449" : undefined;
  return (
    <span style={{ color }}>
      <Cell data={data} row={row} field={field} text={text} />
    </span>
  );
}

/**
 * 统筹区指标: the region-level indicators by category × scheme. Month view: 本月 / 本年累计 / 上年同期 / 累计同比 /
 * 本月环比; quarter view: 本季 / 本年累计 / 上年同期 / 累计同比 / 本季环比. Every number (and every "—") opens its
 * lineage card. Growth: red up, green down (the Chinese convention), never a judgement of good or bad.
 */
export function RegionMetricsTable({ data }: { data: Data }) {
  const quarterly = data.mode === "quarter";
  const rows: Row[] = [];
  for (const c of data.categories) {
    c.rows.forEach((r, i) => {
      const first = i === 0 || c.rows[i - 1]!.code !== r.code;
      rows.push({ ...r, category: c.name, categorySpan: i === 0 ? c.rows.length : 0, nameSpan: first ? r.schemeCount : 0 });
    });
  }
  const current = quarterly ? "本季" : "本月";
  const columns: ColumnsType<Row> = [
    { title: "类别", dataIndex: "category", width: 110, onCell: (r) => ({ rowSpan: r.categorySpan }), className: "metric-category" },
    {
      title: "指标",
      key: "name",
      onCell: (r) => ({ rowSpan: r.nameSpan }),
      render: (_, r) => (
        <span>
          <span className="num metric-code">{r.code}</span>
          {r.nameZh}
          {r.derived && (
            <Tag style={{ marginLeft: 6 }} color="blue" variant="outlined" title="派生指标：由公式计算">
              派生
            </Tag>
          )}
          {r.local && <Tag style={{ marginLeft: 6 }}>地方增选</Tag>}
        </span>
      ),
    },
    { title: "险种", dataIndex: "scheme", width: 60, align: "center", render: (s: Row["scheme"]) => SCHEME_LABELS[s] },
    { title: "单位", dataIndex: "unit", width: 76, align: "center" },
    {
      title: current,
      key: "current",
      width: 140,
      align: "right",
      render: (_, r) => <Cell data={data} row={r} field="current" text={formatMetric(quarterly ? r.quarter?.value : r.month, r.unit)} />,
    },
    {
      title: "本年累计",
      key: "ytd",
      width: 150,
      align: "right",
      render: (_, r) => <Cell data={data} row={r} field="ytd" text={formatMetric(r.ytd, r.unit)} />,
    },
    {
      title: "上年同期",
      key: "prev",
      width: 140,
      align: "right",
      render: (_, r) => <Cell data={data} row={r} field="prevYearYtd" text={formatMetric(r.prevYearYtd, r.unit)} />,
    },
    {
      title: "累计同比",
      key: "yoy",
      width: 100,
      align: "right",
      render: (_, r) => <Growth data={data} row={r} field="yoy" value={r.yoy} diff={r.yoyDiff} />,
    },
    {
      title: `${current}环比`,
      key: "mom",
      width: 100,
      align: "right",
      render: (_, r) =>
        quarterly ? (
          <Growth data={data} row={r} field="mom" value={r.quarter?.qoq ?? null} diff={r.quarter?.qoqDiff ?? null} />
        ) : (
          <Growth data={data} row={r} field="mom" value={r.mom} diff={r.momDiff} />
        ),
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ margin: "4px 0 12px" }}>
        {data.label}
        {quarterly ? "（季度视图：本季 = 季末累计 − 上季末累计，存量指标取季末值，比率按本季数值计算）" : ""}
        。金额单位以“单位”列为准；累计同比 = 本年累计 ÷ 上年同期 − 1；
        {current}环比 = {current} ÷ 上{quarterly ? "季" : "月"} − 1；单位为 %
        的指标，同比、环比为百分点差；“—”表示缺少数据、无法计算（如除数为零、上年无数据）或按频次不适用（季报、年报指标无本月值）。
      </Typography.Paragraph>
      <Table<Row>
        rowKey="key"
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        columns={columns}
        sticky
        scroll={{ x: 1100 }}
        data-testid="region-metrics"
      />
    </>
  );
}
