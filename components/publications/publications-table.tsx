"use client";

import { Card, Table, Tag } from "antd";
import Link from "next/link";
import { STATUS_LABELS, type PublicationStatus } from "@/app/_domain/publications/types";
import { beijingTime } from "@/app/_domain/sheets/display";
import type { PublicationListItem } from "@/app/_server/publications/dto";

export const STATUS_COLORS: Record<PublicationStatus, string> = {
  DRAFT: "default",
  IN_REVIEW: "processing",
  APPROVED: "cyan",
  PUBLISHED: "success",
  CORRECTED: "warning",
  WITHDRAWN: "error",
};

/** The region's publications, newest first: status, version, receipts; a row opens its editor or receipts. */
export function PublicationsTable({ items }: { items: PublicationListItem[] }) {
  return (
    <Card title="本统筹区的发布" styles={{ body: { padding: 0 } }}>
      <Table<PublicationListItem>
        rowKey="versionId"
        size="middle"
        dataSource={items}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (t) => `共 ${t} 份` }}
        locale={{ emptyText: "尚无发布。接收某月底稿后，当月的月推送草稿会自动出现在这里。" }}
        columns={[
          {
            title: "标题",
            key: "title",
            render: (_, p) => (
              <Link href={`/publications/${p.versionId}`} data-testid="publication-link">
                {p.title}
              </Link>
            ),
          },
          { title: "类型", dataIndex: "kindLabel", width: 96 },
          { title: "期间", key: "period", width: 150, render: (_, p) => p.period.label },
          { title: "版本", dataIndex: "version", width: 70, render: (v: number) => `第${v}版` },
          {
            title: "状态",
            key: "status",
            width: 110,
            render: (_, p) => (
              <Tag color={STATUS_COLORS[p.status]} data-testid="publication-status">
                {STATUS_LABELS[p.status]}
              </Tag>
            ),
          },
          {
            title: "发布时间",
            key: "publishedAt",
            width: 150,
            render: (_, p) =>
              p.embargoUntil && p.status === "PUBLISHED" && p.embargoUntil > new Date().toISOString()
                ? `解禁 ${beijingTime(p.embargoUntil)}`
                : beijingTime(p.publishedAt),
          },
          {
            title: "已读 / 已确认",
            key: "receipts",
            width: 150,
            render: (_, p) =>
              p.receipts ? (
                <Link href={`/publications/${p.versionId}/receipts`}>
                  {p.receipts.opened} / {p.receipts.acknowledged}（共 {p.receipts.audience} 家）
                </Link>
              ) : (
                "—"
              ),
          },
        ]}
      />
    </Card>
  );
}
