"use client";

import { KeyOutlined, LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from "@ant-design/icons";
import { Avatar, Button, Dropdown } from "antd";
import Link from "next/link";
import { signOut } from "next-auth/react";

export interface ShellUser {
  displayName: string;
  username: string;
  roles: string;
  scope: string;
}

/** The header's user button (name and roles; on phones the avatar only) and its menu. */
export function UserMenu({ user }: { user: ShellUser }) {
  return (
    <Dropdown
      menu={{
        items: [
          { key: "who", label: `${user.displayName} · ${user.roles}`, disabled: true, className: "shell-user-who" },
          { key: "password", icon: <KeyOutlined />, label: <Link href="/account/password">修改密码</Link> },
          { key: "security", icon: <SafetyCertificateOutlined />, label: <Link href="/account/security">登录安全</Link> },
          { type: "divider" },
          { key: "logout", icon: <LogoutOutlined />, label: "退出登录", onClick: () => signOut({ callbackUrl: "/login" }) },
        ],
      }}
    >
      <Button type="text" className="shell-user" data-testid="user-menu" aria-label={`${user.displayName} ${user.roles} 的账户菜单`}>
        <Avatar size="small" icon={<UserOutlined />} style={{ background: "#1458b8", flex: "none" }} />
        <span className="shell-user-name">{user.displayName}</span> <span className="shell-user-roles">{user.roles}</span>
      </Button>
    </Dropdown>
  );
}
