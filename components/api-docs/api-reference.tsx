"use client";

import { Card, Collapse, Descriptions, Space, Table, Tag, Typography } from "antd";
import type { FieldRow } from "./schema-rows";
import type { ApiDocsView, OperationView } from "./view-model";

/** The /api-docs page's body: the OpenAPI description of /api/v1 as Chinese tables (server-prepared rows). */

const METHOD_COLORS: Record<string, string> = { GET: "green", POST: "blue" };
const STATUS_COLORS = (status: string) => (status.startsWith("2") ? "success" : status.startsWith("5") ? "error" : "warning");

const FIELD_COLUMNS = [
  { title: "字段", dataIndex: "name", key: "name", render: (name: string) => <Typography.Text code>{name}</Typography.Text> },
  { title: "类型", dataIndex: "type", key: "type", render: (type: string) => <Typography.Text type="secondary">{type}</Typography.Text> },
  { title: "必填", dataIndex: "required", key: "required", width: 64, render: (required: boolean) => (required ? "是" : "") },
  { title: "说明", dataIndex: "description", key: "description" },
];

function FieldTable({ rows, label }: { rows: FieldRow[]; label: string }) {
  return (
    <Table<FieldRow>
      aria-label={label}
      size="small"
      columns={FIELD_COLUMNS}
      dataSource={rows}
      pagination={false}
      scroll={{ x: "max-content" }}
    />
  );
}

function Operation({ op }: { op: OperationView }) {
  return (
    <Card
      id={op.id}
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space wrap size={8} style={{ padding: "8px 0" }}>
          <Tag color={METHOD_COLORS[op.method]} style={{ fontFamily: "monospace", marginInlineEnd: 0 }}>
            {op.method}
          </Tag>
          <Typography.Text strong copyable style={{ fontFamily: "monospace", wordBreak: "break-all" }}>
            {op.path}
          </Typography.Text>
        </Space>
      }
    >
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {op.summary}
      </Typography.Paragraph>
      {op.description && <Typography.Paragraph type="secondary">{op.description}</Typography.Paragraph>}
      <Descriptions
        size="small"
        column={1}
        items={[{ key: "auth", label: "调用方式", children: op.auth.map((a) => <Tag key={a}>{a}</Tag>) }]}
      />
      {op.parameters.length > 0 && (
        <>
          <Typography.Title level={5}>参数</Typography.Title>
          <FieldTable rows={op.parameters} label={`${op.method} ${op.path} 的参数`} />
        </>
      )}
      {op.bodies.map((b) => (
        <div key={b.contentType}>
          <Typography.Title level={5}>
            请求体 <Typography.Text code>{b.contentType}</Typography.Text>
          </Typography.Title>
          {b.rows.length ? (
            <FieldTable rows={b.rows} label={`${op.method} ${op.path} 的请求体（${b.contentType}）`} />
          ) : (
            <Typography.Paragraph>{b.description || b.type}</Typography.Paragraph>
          )}
        </div>
      ))}
      <Typography.Title level={5}>响应</Typography.Title>
      <Table
        aria-label={`${op.method} ${op.path} 的响应`}
        size="small"
        pagination={false}
        dataSource={op.responses}
        scroll={{ x: "max-content" }}
        columns={[
          {
            title: "状态码",
            dataIndex: "status",
            key: "status",
            width: 80,
            render: (s: string) => <Tag color={STATUS_COLORS(s)}>{s}</Tag>,
          },
          { title: "说明", dataIndex: "description", key: "description" },
          {
            title: "响应体",
            dataIndex: "body",
            key: "body",
            render: (body: string | null) => body && <a href={`#schema-${body}`}>{body}</a>,
          },
        ]}
      />
    </Card>
  );
}

export function ApiReference({ view }: { view: ApiDocsView }) {
  return (
    <>
      <Card size="small" title="认证" style={{ marginBottom: 24 }}>
        <Descriptions
          size="small"
          column={1}
          items={view.security.map((s) => ({ key: s.name, label: s.label, children: s.description }))}
        />
      </Card>
      {view.groups.map((g) => (
        <section key={g.tag} aria-labelledby={`tag-${g.tag}`}>
          <Typography.Title level={4} id={`tag-${g.tag}`}>
            {g.tag}{" "}
            <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: "normal" }}>
              {g.description}
            </Typography.Text>
          </Typography.Title>
          {g.operations.map((op) => (
            <Operation key={op.id} op={op} />
          ))}
        </section>
      ))}
      <Typography.Title level={4}>数据结构</Typography.Title>
      <Collapse
        items={view.schemas.map((s) => ({
          key: s.name,
          forceRender: true,
          label: (
            <span id={`schema-${s.name}`}>
              <Typography.Text strong style={{ fontFamily: "monospace" }}>
                {s.name}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {s.usedBy.join("；")}
              </Typography.Text>
            </span>
          ),
          children: <FieldTable rows={s.rows} label={`数据结构 ${s.name}`} />,
        }))}
      />
    </>
  );
}
