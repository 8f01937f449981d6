"use client";

import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/(portal)/(antd)/sheets/actions";
import { beijingTime } from "@/app/_domain/sheets/display";

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The region's API tokens: create (shown once), revoke. */
export function ApiTokensTable({ tokens }: { tokens: ApiTokenRow[] }) {
  const router = useRouter();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);

  async function revoke(t: ApiTokenRow) {
    const result = await revokeApiTokenAction(t.id);
    if (result.ok) {
      message.success(`已吊销令牌“${t.name}”，使用它的请求将被拒绝`);
      router.refresh();
    } else message.error(result.message);
  }

  return (
    <Card>
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建令牌
        </Button>
      </Space>
      <Table<ApiTokenRow>
        rowKey="id"
        size="middle"
        dataSource={tokens}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: "还没有令牌。只有需要系统自动推送时才需新建。" }}
        columns={[
          { title: "用途", dataIndex: "name" },
          { title: "令牌前缀", dataIndex: "prefix", width: 150, render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
          { title: "创建", key: "created", width: 220, render: (_, t) => `${t.createdBy} · ${beijingTime(t.createdAt)}` },
          { title: "最近使用", dataIndex: "lastUsedAt", width: 160, render: (v: string | null) => (v ? beijingTime(v) : "从未使用") },
          {
            title: "状态",
            key: "status",
            width: 200,
            render: (_, t) => (t.revokedAt ? <Tag>已吊销 · {beijingTime(t.revokedAt)}</Tag> : <Tag color="green">有效</Tag>),
          },
          {
            title: "操作",
            key: "op",
            width: 90,
            render: (_, t) =>
              t.revokedAt ? null : (
                <Popconfirm
                  title={`吊销令牌“${t.name}”？`}
                  description="吊销后立即失效，且不能恢复。"
                  okText="吊销"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => revoke(t)}
                >
                  <a>吊销</a>
                </Popconfirm>
              ),
          },
        ]}
      />
      {creating && <CreateTokenModal onClose={() => setCreating(false)} />}
    </Card>
  );
}

function CreateTokenModal({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const [form] = Form.useForm<{ name: string }>();
  const [pending, setPending] = useState(false);
  const [token, setToken] = useState<string | null>(null);

  async function create() {
    const values = await form.validateFields();
    setPending(true);
    const result = await createApiTokenAction(values);
    setPending(false);
    if (result.ok) {
      setToken(result.data.token);
      router.refresh();
    } else form.setFields([{ name: "name", errors: [result.fieldErrors.name ?? result.message] }]);
  }

  return (
    <Modal
      open
      title={token ? "令牌已创建" : "新建 API 令牌"}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={!token}
      footer={
        token ? (
          <Button type="primary" onClick={onClose}>
            我已保存，关闭
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={pending} onClick={create}>
              创建
            </Button>
          </Space>
        )
      }
    >
      {token ? (
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <Alert
            type="warning"
            showIcon
            title="令牌只显示这一次"
            description="请立即复制并保存到对接系统的配置中。关闭后无法再次查看；遗失时请吊销并新建。"
          />
          <Typography.Paragraph
            copyable={{ text: token, tooltips: ["复制令牌", "已复制"] }}
            code
            data-testid="new-token"
            style={{ wordBreak: "break-all", marginBottom: 0 }}
          >
            {token}
          </Typography.Paragraph>
        </Space>
      ) : (
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="用途" rules={[{ required: true, min: 2, message: "请填写令牌用途，例如“医保信息平台每月推送”" }]}>
            <Input maxLength={60} placeholder="例如：医保信息平台每月推送" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
