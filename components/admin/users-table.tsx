"use client";

import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Tooltip } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import type { PasswordPolicy } from "@/app/_domain/password-policy";
import { ROLE_LABELS, ROLES, scopeKindOf, type Role } from "@/app/_domain/roles";
import type { UserDto } from "@/app/_server/admin/list-users";
import { setUserStatusAction } from "@/app/(portal)/(antd)/admin/users/actions";
import { ResetPasswordModal } from "./reset-password-modal";
import { UserModal, type UserFormOptions } from "./user-modal";

const SELF_HINT = "三员分立：不能对自己的账号执行此操作";

function scopeText(u: UserDto): string {
  const kind = scopeKindOf(u.roles);
  if (kind === "DEPLOYMENT") return "全系统";
  if (kind === "PROVINCE") return u.provinceName ?? "未指定省份";
  if (kind === "REGION") return u.regionName ?? "未指定统筹区";
  if (kind === "INSTITUTION") return u.institutionName ?? "未指定医疗机构";
  return "—";
}

export function UsersTable({
  users,
  currentUserId,
  policy,
  options,
}: {
  users: UserDto[];
  currentUserId: string;
  policy: PasswordPolicy;
  options: UserFormOptions;
}) {
  const { message } = App.useApp();
  const [role, setRole] = useState<Role | undefined>();
  const [regionId, setRegionId] = useState<string | undefined>();
  const [q, setQ] = useState("");
  const [editing, setEditing] = useState<UserDto | "new" | null>(null);
  const [resetting, setResetting] = useState<UserDto | null>(null);
  const rows = useMemo(() => {
    const institutionRegion = new Map(options.institutions.map((i) => [i.id, i.regionId]));
    return users.filter(
      (u) =>
        (!role || u.roles.includes(role)) &&
        (!regionId || u.regionId === regionId || (u.institutionId && institutionRegion.get(u.institutionId) === regionId)) &&
        (!q || u.username.includes(q.toLowerCase()) || u.displayName.includes(q)),
    );
  }, [users, role, regionId, q, options.institutions]);

  async function toggleStatus(u: UserDto) {
    const status = u.status === "ACTIVE" ? "DISABLED" : "ACTIVE";
    const result = await setUserStatusAction({ id: u.id, status });
    if (result.ok) message.success(status === "DISABLED" ? `已停用 ${u.displayName}，其登录已全部失效` : `已启用 ${u.displayName}`);
    else message.error(result.message);
  }

  return (
    <Card>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          allowClear
          aria-label="按角色筛选"
          placeholder="全部角色"
          style={{ width: 160 }}
          value={role}
          onChange={setRole}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
        <Select
          aria-label="按统筹区筛选"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder="全部统筹区"
          style={{ width: 180 }}
          value={regionId}
          onChange={setRegionId}
          options={options.regions.map((r) => ({ value: r.id, label: `${r.name}（${r.code}）` }))}
        />
        <Input.Search
          placeholder="按用户名或姓名搜索"
          allowClear
          style={{ width: 240 }}
          onSearch={setQ}
          onChange={(e) => !e.target.value && setQ("")}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
          新增用户
        </Button>
      </Space>
      <Table<UserDto>
        rowKey="id"
        size="middle"
        dataSource={rows}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 人` }}
        columns={[
          {
            title: "用户名",
            dataIndex: "username",
            width: 160,
            render: (v, u) => (
              <Space size={4}>
                <span className="num">{v}</span>
                {u.id === currentUserId && <Tag color="blue">本人</Tag>}
                {u.isDemo && <Tag color="gold">演示</Tag>}
              </Space>
            ),
          },
          { title: "姓名", dataIndex: "displayName", width: 120 },
          { title: "角色", dataIndex: "roles", render: (rs: Role[]) => rs.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>) },
          { title: "权限范围", key: "scope", width: 160, render: (_, u) => scopeText(u) },
          {
            title: "状态",
            dataIndex: "status",
            width: 130,
            render: (s, u) => (
              <Space size={4}>
                {s === "ACTIVE" ? <Tag color="green">正常</Tag> : <Tag color="red">已停用</Tag>}
                {u.mustChangePassword && <Tag color="orange">待改密</Tag>}
              </Space>
            ),
          },
          {
            title: "最近登录",
            dataIndex: "lastLoginAt",
            width: 150,
            render: (v: string | null) => (v ? dayjs(v).format("YYYY-MM-DD HH:mm") : "从未登录"),
          },
          {
            title: "操作",
            width: 190,
            render: (_, u) => {
              const self = u.id === currentUserId;
              return (
                <Space size="middle">
                  <a onClick={() => setEditing(u)}>编辑</a>
                  {self ? (
                    <Tooltip title={SELF_HINT}>
                      <Space size="middle" aria-disabled="true" style={{ color: "rgba(0, 0, 0, 0.25)", cursor: "not-allowed" }}>
                        <span>{u.status === "ACTIVE" ? "停用" : "启用"}</span>
                        <span>重置密码</span>
                      </Space>
                    </Tooltip>
                  ) : (
                    <>
                      <Popconfirm
                        title={u.status === "ACTIVE" ? `停用账号 ${u.username}？` : `启用账号 ${u.username}？`}
                        description={u.status === "ACTIVE" ? "停用后该用户立即退出登录，且不能再登录。" : "启用后该用户可以重新登录。"}
                        okText={u.status === "ACTIVE" ? "停用" : "启用"}
                        okButtonProps={{ danger: u.status === "ACTIVE" }}
                        cancelText="取消"
                        onConfirm={() => toggleStatus(u)}
                      >
                        <a style={u.status === "ACTIVE" ? { color: "#cf1322" } : undefined}>{u.status === "ACTIVE" ? "停用" : "启用"}</a>
                      </Popconfirm>
                      <a onClick={() => setResetting(u)}>重置密码</a>
                    </>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {editing && (
        <UserModal
          value={editing === "new" ? null : editing}
          self={editing !== "new" && editing.id === currentUserId}
          options={options}
          policy={policy}
          onClose={() => setEditing(null)}
        />
      )}
      {resetting && <ResetPasswordModal user={resetting} policy={policy} onClose={() => setResetting(null)} />}
    </Card>
  );
}
