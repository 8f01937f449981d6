"use client";

import { App, Button, Card, Input, Popconfirm, Space, Table, Tag, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { ROLE_LABELS, type Role } from "@/app/_domain/roles";
import type { AccountDto } from "@/app/_server/security/list-accounts";
import { resetMfaAction, terminateSessionsAction, unlockAccountAction } from "@/app/(portal)/(antd)/security/actions";

export type { AccountDto };

const fmt = (iso: string | null) => (iso ? dayjs(iso).format("YYYY-MM-DD HH:mm") : "从未登录");

export function AccountsTable({ accounts, currentUserId }: { accounts: AccountDto[]; currentUserId: string }) {
  const { message } = App.useApp();
  const [q, setQ] = useState("");
  const [onlyAttention, setOnlyAttention] = useState(false);
  const rows = useMemo(
    () =>
      accounts.filter(
        (a) =>
          (!q || a.username.includes(q.toLowerCase()) || a.displayName.includes(q)) &&
          (!onlyAttention || a.lockedUntil || a.mfa === "NOT_ENROLLED"),
      ),
    [accounts, q, onlyAttention],
  );
  const attention = accounts.filter((a) => a.lockedUntil || a.mfa === "NOT_ENROLLED").length;

  async function run(label: string, act: Promise<{ ok: boolean; message?: string }>) {
    const r = await act;
    if (r.ok) message.success(label);
    else message.error(r.message ?? "操作失败");
  }

  return (
    <Card>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          allowClear
          placeholder="用户名或姓名"
          style={{ width: 220 }}
          onSearch={setQ}
          onChange={(e) => !e.target.value && setQ("")}
        />
        <Button type={onlyAttention ? "primary" : "default"} onClick={() => setOnlyAttention(!onlyAttention)}>
          需关注（已锁定或未绑定双因素）{attention}
        </Button>
      </Space>
      <Table<AccountDto>
        rowKey="id"
        size="middle"
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: "用户名",
            dataIndex: "username",
            width: 150,
            fixed: "left",
            render: (u: string, a) => (
              <Space size={4}>
                {u}
                {a.isDemo && <Tag color="gold">演示</Tag>}
              </Space>
            ),
          },
          { title: "姓名", dataIndex: "displayName", width: 80 },
          { title: "角色", dataIndex: "roles", render: (rs: Role[]) => rs.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>) },
          {
            title: "状态",
            key: "status",
            width: 140,
            render: (_, a) =>
              a.status !== "ACTIVE" ? (
                <Tag color="default">已停用</Tag>
              ) : a.lockedUntil ? (
                <Tooltip title="连续登录失败次数过多">
                  <Tag color="red" data-testid={`locked-${a.username}`}>
                    已锁定至 {dayjs(a.lockedUntil).format("HH:mm")}
                  </Tag>
                </Tooltip>
              ) : (
                <Tag color="green">正常</Tag>
              ),
          },
          {
            title: "双因素认证",
            dataIndex: "mfa",
            width: 100,
            render: (m: AccountDto["mfa"]) =>
              m === "ENABLED" ? (
                <Tag color="green">已启用</Tag>
              ) : m === "NOT_ENROLLED" ? (
                <Tag color="orange">待绑定</Tag>
              ) : (
                <Tag>可选，未启用</Tag>
              ),
          },
          {
            title: "在线会话",
            dataIndex: "activeSessions",
            width: 80,
            align: "right",
            render: (n: number) => (n ? n : <Typography.Text type="secondary">0</Typography.Text>),
          },
          { title: "最近登录", dataIndex: "lastLoginAt", width: 140, render: fmt },
          { title: "密码更新", dataIndex: "passwordChangedAt", width: 105, render: (iso: string) => dayjs(iso).format("YYYY-MM-DD") },
          {
            title: "操作",
            key: "actions",
            width: 190,
            fixed: "right",
            render: (_, a) => {
              const self = a.id === currentUserId;
              return (
                <Space size={0} wrap>
                  {a.lockedUntil && (
                    <Popconfirm
                      title={`解除 ${a.displayName} 的登录锁定？`}
                      okText="解锁"
                      cancelText="取消"
                      onConfirm={() => run(`已解锁 ${a.displayName}`, unlockAccountAction({ id: a.id }))}
                    >
                      <Button type="link" size="small">
                        解锁
                      </Button>
                    </Popconfirm>
                  )}
                  <Popconfirm
                    disabled={self}
                    title={`结束 ${a.displayName} 的全部会话？`}
                    description="该用户在所有设备上立即退出登录。"
                    okText="结束会话"
                    cancelText="取消"
                    onConfirm={() => run(`已结束 ${a.displayName} 的全部会话`, terminateSessionsAction({ id: a.id }))}
                  >
                    <Button type="link" size="small" disabled={self} title={self ? "请在“登录安全”中退出所有设备" : undefined}>
                      结束会话
                    </Button>
                  </Popconfirm>
                  {a.mfa === "ENABLED" && (
                    <Popconfirm
                      disabled={self}
                      title={`重置 ${a.displayName} 的双因素认证？`}
                      description="用于手机丢失或更换：其身份验证器和恢复码失效，会话结束，下次登录时必须重新绑定。"
                      okText="重置"
                      okButtonProps={{ danger: true }}
                      cancelText="取消"
                      onConfirm={() => run(`已重置 ${a.displayName} 的双因素认证`, resetMfaAction({ id: a.id }))}
                    >
                      <Button type="link" size="small" danger disabled={self} title={self ? "请由另一位安全管理员操作" : undefined}>
                        重置双因素
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
