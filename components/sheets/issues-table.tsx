"use client";

import { Table, Typography } from "antd";
import { SCHEME_LABELS } from "@/app/_domain/catalogue";
import type { ExplainedIssue } from "@/app/_domain/sheets/report-csv";

/**
 * Issues of a validation report, one a row: 位置 | 指标 | 险种 | 机构 | 问题 (| 说明 for stored warnings).
 * Codes only in the first columns: the message already names the indicator and the institution.
 */
export function IssuesTable({
  issues,
  showExplanation = false,
  pageSize = 10,
}: {
  issues: ExplainedIssue[];
  showExplanation?: boolean;
  pageSize?: number;
}) {
  return (
    <Table<ExplainedIssue & { key: number }>
      size="small"
      dataSource={issues.map((i, key) => ({ ...i, key }))}
      pagination={{ pageSize, hideOnSinglePage: true, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
      data-testid="issues-table"
      columns={[
        { title: "位置", dataIndex: "location", width: 130, render: (v: string) => <span className="num">{v}</span> },
        {
          title: "指标",
          dataIndex: "indicatorCode",
          width: 80,
          render: (code?: string) => (code ? <span className="num">{code}</span> : "—"),
        },
        { title: "险种", dataIndex: "scheme", width: 64, render: (s?: keyof typeof SCHEME_LABELS) => (s ? SCHEME_LABELS[s] : "—") },
        {
          title: "机构",
          dataIndex: "institutionCode",
          width: 150,
          render: (code?: string) => (code ? <span className="num">{code}</span> : "—"),
        },
        { title: "问题", dataIndex: "message" },
        ...(showExplanation
          ? [
              {
                title: "说明",
                dataIndex: "explanation",
                width: 260,
                render: (v?: string) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
              },
            ]
          : []),
      ]}
    />
  );
}
