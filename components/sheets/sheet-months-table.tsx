"use client";

import { Card, Space, Table, Tag, Typography } from "antd";
import Link from "next/link";
import { monthLabel } from "@/app/_domain/periods";
import { beijingTime, SOURCE_LABELS, VERSION_STATUS, type StatusTag } from "@/app/_domain/sheets/display";
import type { SheetVersionSummary } from "@/app/_server/sheets/version-summary";

export interface SheetMonthRow {
  period: string;
  tags: StatusTag[];
  /** Newest first. */
  versions: SheetVersionSummary[];
}

/** The region's months, newest first; a month's row expands to its versions. */
export function SheetMonthsTable({ rows }: { rows: SheetMonthRow[] }) {
  return (
    <Card title="各月底稿">
      <Table<SheetMonthRow>
        rowKey="period"
        size="middle"
        dataSource={rows}
        pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false, showTotal: (t) => `共 ${t} 个月` }}
        expandable={{
          rowExpandable: (r) => r.versions.length > 0,
          expandedRowRender: (r) => <VersionsList versions={r.versions} />,
        }}
        columns={[
          { title: "月份", dataIndex: "period", width: 130, render: (p: string) => <b>{monthLabel(p)}</b> },
          {
            title: "状态",
            key: "status",
            width: 220,
            render: (_, r) => (
              <Space size={4} wrap>
                {r.tags.map((t) => (
                  <Tag key={t.label} color={t.color}>
                    {t.label}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: "版本数",
            key: "count",
            width: 90,
            align: "right",
            render: (_, r) => <span className="num">{r.versions.length || "—"}</span>,
          },
          {
            title: "最近上传",
            key: "latest",
            render: (_, r) => {
              const v = r.versions[0];
              if (!v) return <Typography.Text type="secondary">—</Typography.Text>;
              return (
                <span>
                  {v.uploadedBy} · <span className="num">{beijingTime(v.uploadedAt)}</span>
                  <Typography.Text type="secondary"> · 第 {v.version} 版</Typography.Text>
                </span>
              );
            },
          },
          {
            title: "操作",
            key: "open",
            width: 90,
            render: (_, r) => (r.versions[0] ? <Link href={`/sheets/${r.versions[0].id}`}>查看</Link> : null),
          },
        ]}
      />
    </Card>
  );
}

function VersionsList({ versions }: { versions: SheetVersionSummary[] }) {
  return (
    <Table<SheetVersionSummary>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={versions}
      columns={[
        { title: "版本", dataIndex: "version", width: 80, render: (n: number) => `第 ${n} 版` },
        {
          title: "状态",
          dataIndex: "status",
          width: 90,
          render: (s: SheetVersionSummary["status"]) => <Tag color={VERSION_STATUS[s].color}>{VERSION_STATUS[s].label}</Tag>,
        },
        { title: "来源", dataIndex: "source", width: 100, render: (s: SheetVersionSummary["source"]) => SOURCE_LABELS[s] },
        { title: "文件", dataIndex: "fileName", ellipsis: true },
        {
          title: "数值",
          dataIndex: "valueCount",
          width: 80,
          align: "right",
          render: (n: number) => <span className="num">{n.toLocaleString("en-US")}</span>,
        },
        { title: "提醒", dataIndex: "warningCount", width: 70, align: "right", render: (n: number) => <span className="num">{n}</span> },
        { title: "上传", key: "up", width: 200, render: (_, v) => `${v.uploadedBy} · ${beijingTime(v.uploadedAt)}` },
        {
          title: "审核",
          key: "rev",
          width: 200,
          render: (_, v) => (v.reviewedBy ? `${v.reviewedBy} · ${beijingTime(v.reviewedAt)}` : "—"),
        },
        { title: "", key: "open", width: 60, render: (_, v) => <Link href={`/sheets/${v.id}`}>查看</Link> },
      ]}
    />
  );
}
