"use client";

import { Card, Table, Tag } from "antd";
import dayjs from "dayjs";
import { ROLE_LABELS, type Role } from "@/app/_domain/roles";

export interface AccountDto {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  status: "ACTIVE" | "DISABLED";
  lastLoginAt: string | null;
  passwordChangedAt: string;
  mustChangePassword: boolean;
}

const fmt = (iso: string | null) => (iso ? dayjs(iso).format("YYYY-MM-DD HH:mm") : "从未登录");

export function AccountsTable({ accounts }: { accounts: AccountDto[] }) {
  return (
    <Card>
      <Table<AccountDto>
        rowKey="id"
        size="middle"
        dataSource={accounts}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: "用户名", dataIndex: "username", width: 140 },
          { title: "姓名", dataIndex: "displayName", width: 100 },
          { title: "角色", dataIndex: "roles", render: (rs: Role[]) => rs.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>) },
          { title: "状态", dataIndex: "status", width: 90, render: (s) => (s === "ACTIVE" ? <Tag color="green">正常</Tag> : <Tag color="red">已停用</Tag>) },
          { title: "最近登录", dataIndex: "lastLoginAt", width: 160, render: fmt },
          { title: "密码更新", dataIndex: "passwordChangedAt", width: 160, render: fmt },
        ]}
      />
    </Card>
  );
}
