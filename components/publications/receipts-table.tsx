"use client";

import { App, Button, Card, Progress, Segmented, Space, Table, Tag, Typography } from "antd";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { remindAction } from "@/app/(portal)/(antd)/publications/actions";
import { LEVEL_LABELS } from "@/app/_domain/institutions";
import { beijingTime } from "@/app/_domain/sheets/display";
import type { ReceiptsDto } from "@/app/_server/publications/dto";

type Row = ReceiptsDto["institutions"][number];
type Filter = "ALL" | "UNREAD" | "UNACKED" | "ACKED";
const FILTERS: Record<Filter, (r: Row) => boolean> = {
  ALL: () => true,
  UNREAD: (r) => !r.openedAt,
  UNACKED: (r) => !r.acknowledgedAt,
  ACKED: (r) => !!r.acknowledgedAt,
};

/** 阅读回执: per audience institution, who opened and acknowledged (user and time), who has not; 「提醒未读」. */
export function ReceiptsTable({ r, canRemind }: { r: ReceiptsDto; canRemind: boolean }) {
  const { message } = App.useApp();
  const router = useRouter();
  const [filter, setFilter] = useState<Filter>("UNACKED");
  const [busy, setBusy] = useState(false);
  const pending = r.audience - r.acknowledged;
  const remind = async () => {
    setBusy(true);
    const res = await remindAction(r.versionId);
    setBusy(false);
    if (!res.ok) return void message.error(res.message);
    message.success(`已向 ${res.data.reminded} 位未确认机构的用户发送站内提醒`);
    router.refresh();
  };
  const pct = (n: number) => (r.audience ? Math.round((n / r.audience) * 1000) / 10 : 0);
  return (
    <Card
      title={
        <Space wrap size={[24, 4]}>
          <span>阅读回执</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            发布于 {beijingTime(r.publishedAt)}
          </Typography.Text>
        </Space>
      }
      extra={
        canRemind && (
          <Button type="primary" onClick={remind} loading={busy} disabled={pending === 0} data-testid="remind-unread">
            提醒未读（{pending} 家）
          </Button>
        )
      }
    >
      <Space wrap size={[32, 12]} style={{ marginBottom: 16 }}>
        <Stat label="已打开" n={r.opened} of={r.audience} percent={pct(r.opened)} />
        <Stat label="已确认已阅" n={r.acknowledged} of={r.audience} percent={pct(r.acknowledged)} />
      </Space>
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        style={{ marginBottom: 12 }}
        options={[
          { value: "UNACKED", label: `未确认（${r.institutions.filter(FILTERS.UNACKED).length}）` },
          { value: "UNREAD", label: `未打开（${r.institutions.filter(FILTERS.UNREAD).length}）` },
          { value: "ACKED", label: `已确认（${r.acknowledged}）` },
          { value: "ALL", label: `全部（${r.audience}）` },
        ]}
      />
      <Table<Row>
        rowKey="code"
        size="middle"
        dataSource={r.institutions.filter(FILTERS[filter])}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="receipts-table"
        columns={[
          {
            title: "医疗机构",
            key: "name",
            render: (_, i) => (
              <>
                {i.name}
                <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                  {i.code}
                </Typography.Text>
              </>
            ),
          },
          { title: "等级", dataIndex: "level", width: 90, render: (l: Row["level"]) => LEVEL_LABELS[l] },
          { title: "首次打开", key: "openedAt", width: 150, render: (_, i) => (i.openedAt ? beijingTime(i.openedAt) : <Tag>未打开</Tag>) },
          {
            title: "确认已阅",
            key: "acknowledgedAt",
            width: 150,
            render: (_, i) =>
              i.acknowledgedAt ? <Tag color="success">{beijingTime(i.acknowledgedAt)}</Tag> : <Tag color="warning">未确认</Tag>,
          },
          {
            title: "用户",
            key: "users",
            render: (_, i) =>
              i.users.length === 0 ? (
                <Typography.Text type="secondary">无账号</Typography.Text>
              ) : (
                <Space direction="vertical" size={0}>
                  {i.users.map((u) => (
                    <Typography.Text key={u.name} style={{ fontSize: 13 }}>
                      {u.name}：
                      {u.acknowledgedAt
                        ? `已确认 ${beijingTime(u.acknowledgedAt)}`
                        : u.openedAt
                          ? `已打开 ${beijingTime(u.openedAt)}`
                          : "未打开"}
                    </Typography.Text>
                  ))}
                </Space>
              ),
          },
          { title: "最近提醒", key: "reminded", width: 150, render: (_, i) => (i.lastRemindedAt ? beijingTime(i.lastRemindedAt) : "—") },
        ]}
      />
    </Card>
  );
}

function Stat({ label, n, of, percent }: { label: string; n: number; of: number; percent: number }) {
  return (
    <Space>
      <Progress aria-label="已确认已阅的机构比例" type="circle" size={56} percent={percent} format={() => `${Math.round(percent)}%`} />
      <div>
        <div style={{ color: "#646a73", fontSize: 13 }}>{label}</div>
        <div style={{ fontSize: 18, fontWeight: 600 }}>
          {n} / {of} 家
        </div>
      </div>
    </Space>
  );
}
