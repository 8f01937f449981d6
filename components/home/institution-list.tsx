"use client";

import { Table } from "antd";
import {
  LEVEL_LABELS,
  TYPE_LABELS,
  type InstitutionLevel,
  type InstitutionSummary,
  type InstitutionType,
} from "@/app/_domain/institutions";

export function InstitutionList({ rows }: { rows: InstitutionSummary[] }) {
  return (
    <Table<InstitutionSummary>
      rowKey="code"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 10, showTotal: (t) => `共 ${t} 家` }}
      columns={[
        { title: "机构编码", dataIndex: "code", width: 140, render: (v) => <span className="num">{v}</span> },
        { title: "机构名称", dataIndex: "name" },
        { title: "等级", dataIndex: "level", width: 70, render: (v: InstitutionLevel) => LEVEL_LABELS[v] },
        { title: "类别", dataIndex: "type", width: 70, render: (v: InstitutionType) => TYPE_LABELS[v] },
        { title: "区县", dataIndex: "district", width: 90, render: (v) => v ?? "—" },
        { title: "床位", dataIndex: "beds", width: 70, align: "right", render: (v) => (v == null ? "—" : v) },
      ]}
    />
  );
}
