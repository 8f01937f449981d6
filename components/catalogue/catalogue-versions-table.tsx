"use client";

import { Card, Space, Table, Tag, Typography } from "antd";
import Link from "next/link";
import type { CatalogueVersionDto } from "@/app/_server/catalogue/list-catalogue-versions";

export function CatalogueVersionsTable({ versions, showRegionCount }: { versions: CatalogueVersionDto[]; showRegionCount: boolean }) {
  return (
    <Card>
      <Table<CatalogueVersionDto>
        rowKey="code"
        size="middle"
        dataSource={versions}
        pagination={false}
        columns={[
          {
            title: "版本",
            dataIndex: "code",
            width: 220,
            render: (code: string) => (
              <Link href={`/catalogue/${encodeURIComponent(code)}`} className="num">
                {code}
              </Link>
            ),
          },
          {
            title: "名称",
            dataIndex: "name",
            render: (name: string, v) => (
              <Space orientation="vertical" size={2}>
                <span>{name}</span>
                <Space size={4} wrap>
                  {v.isDefault && <Tag color="blue">默认</Tag>}
                  {v.builtIn && <Tag>系统内置</Tag>}
                  {v.reconstructed ? <Tag color="orange">据公开资料重建</Tag> : <Tag color="green">导入版本</Tag>}
                </Space>
              </Space>
            ),
          },
          {
            title: "统筹区指标",
            dataIndex: "regionIndicators",
            width: 100,
            align: "right",
            render: (n: number) => <span className="num">{n}</span>,
          },
          {
            title: "医疗机构指标",
            dataIndex: "institutionIndicators",
            width: 110,
            align: "right",
            render: (n: number) => <span className="num">{n}</span>,
          },
          ...(showRegionCount
            ? [
                {
                  title: "使用的统筹区",
                  dataIndex: "regionCount",
                  width: 110,
                  align: "right" as const,
                  render: (n: number | null) => <span className="num">{n ?? "—"}</span>,
                },
              ]
            : []),
          {
            title: "建立时间",
            dataIndex: "createdAt",
            width: 120,
            render: (v: string) => <Typography.Text type="secondary">{v.slice(0, 10)}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
