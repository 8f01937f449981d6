"use client";

import { DownloadOutlined, SearchOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useRouter } from "next/navigation";
import { AUDIT_RESULT_LABELS, AUDIT_RESULTS, auditFilterQuery, type AuditFilter, type AuditResultValue } from "@/app/_domain/schemas/audit";
import { ROLE_LABELS, type Role } from "@/app/_domain/roles";
import type { AuditEventDto } from "@/app/_server/audit/audit-query";

const RESULT_COLORS: Record<AuditResultValue, string> = { SUCCESS: "green", FAILURE: "orange", DENIED: "red" };
/** Beijing time, the same on the server and in any browser (no hydration mismatch). */
const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
const roleNames = (roles: string | null) =>
  roles
    ? roles
        .split(",")
        .map((r) => ROLE_LABELS[r as Role] ?? r)
        .join("、")
    : "—";

interface FormValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  action?: string;
  result?: AuditResultValue;
}

/** Filters (time range, actor, action, result), CSV/Excel export of the same filter, and the events. */
export function AuditLog({
  events,
  filter,
  total,
  page,
  pageSize,
  upTo,
}: {
  /** One page of the log (the server pages it). */
  events: AuditEventDto[];
  filter: AuditFilter;
  total: number;
  page: number;
  pageSize: number;
  /** The newest event of this reading: the next pages stay within it. */
  upTo: string;
}) {
  const router = useRouter();
  const query = auditFilterQuery(filter);
  const exportHref = (format: "csv" | "xlsx") => `/api/audit/export?${query ? query + "&" : ""}format=${format}`;
  const onFinish = (v: FormValues) => {
    const next = auditFilterQuery({
      from: v.range?.[0]?.format("YYYY-MM-DD"),
      to: v.range?.[1]?.format("YYYY-MM-DD"),
      actor: v.actor?.trim(),
      action: v.action?.trim(),
      result: v.result,
    });
    router.push(next ? `/audit?${next}` : "/audit");
  };
  return (
    <Card
      title="审计记录"
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} href={exportHref("xlsx")}>
            导出 Excel
          </Button>
          <Button icon={<DownloadOutlined />} href={exportHref("csv")}>
            导出 CSV
          </Button>
        </Space>
      }
    >
      <Form<FormValues>
        layout="inline"
        onFinish={onFinish}
        style={{ rowGap: 12, marginBottom: 16 }}
        initialValues={{
          range: filter.from || filter.to ? [filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null] : undefined,
          actor: filter.actor,
          action: filter.action,
          result: filter.result,
        }}
      >
        <Form.Item name="range" label="时间">
          <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={["开始日期", "结束日期"]} />
        </Form.Item>
        <Form.Item name="actor" label="操作人">
          <Input placeholder="用户名" allowClear style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Input placeholder="前缀，如 user." allowClear style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="result" label="结果">
          <Select
            allowClear
            aria-label="结果"
            placeholder="全部"
            style={{ width: 100 }}
            options={AUDIT_RESULTS.map((r) => ({ value: r, label: AUDIT_RESULT_LABELS[r] }))}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
            <Button onClick={() => router.push("/audit")}>重置</Button>
          </Space>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        符合条件的记录共 {total} 条（截至本次查询），每页 {pageSize}{" "}
        条，最新的在前；导出包含全部符合条件的记录。页面时间为北京时间，导出文件中为 UTC。
      </Typography.Paragraph>
      <Table<AuditEventDto>
        rowKey="id"
        size="small"
        dataSource={events}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: false,
          onChange: (p) => router.push(`/audit?${query ? query + "&" : ""}page=${p}&upTo=${upTo}`),
        }}
        expandable={{
          expandedRowRender: (r) => (
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label="操作人 ID">{r.actorId ?? "—"}</Descriptions.Item>
              <Descriptions.Item label="范围">{r.scope ?? "—"}</Descriptions.Item>
              <Descriptions.Item label="请求 ID">{r.requestId ?? "—"}</Descriptions.Item>
              <Descriptions.Item label="哈希">
                <Typography.Text code style={{ fontSize: 12 }}>
                  {r.hash}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="详情" span={2}>
                <Typography.Text style={{ fontFamily: "monospace", fontSize: 12, wordBreak: "break-all" }}>
                  {r.detail ?? "—"}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          ),
        }}
        columns={[
          { title: "序号", dataIndex: "id", width: 70 },
          {
            title: "时间（北京）",
            dataIndex: "at",
            width: 170,
            render: (v: string) => <span style={{ whiteSpace: "nowrap" }}>{beijing(v)}</span>,
          },
          { title: "操作人", dataIndex: "actorName", width: 120, render: (v: string | null) => v ?? "—" },
          { title: "角色", dataIndex: "actorRoles", width: 120, render: roleNames },
          { title: "操作", dataIndex: "action", width: 170 },
          { title: "对象", render: (_, r) => (r.objectType ? `${r.objectType} ${r.objectId ?? ""}` : "—"), ellipsis: true },
          {
            title: "结果",
            dataIndex: "result",
            width: 70,
            render: (v: AuditResultValue) => <Tag color={RESULT_COLORS[v]}>{AUDIT_RESULT_LABELS[v]}</Tag>,
          },
          { title: "来源 IP", dataIndex: "ip", width: 120, render: (v: string | null) => v ?? "—" },
        ]}
      />
    </Card>
  );
}
