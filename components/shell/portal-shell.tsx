"use client";

import {
  AuditOutlined,
  DashboardOutlined,
  DesktopOutlined,
  FileExcelOutlined,
  FundOutlined,
  InboxOutlined,
  KeyOutlined,
  LogoutOutlined,
  MedicineBoxOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
  ApartmentOutlined,
  ProfileOutlined,
  LineChartOutlined,
} from "@ant-design/icons";
import { Alert, Avatar, Button, Dropdown, Layout, Menu, Space, Typography } from "antd";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { BRAND_MARK } from "@/app/_domain/messages";
import type { NavIcon, NavItem } from "@/app/_domain/navigation";

const ICONS: Record<NavIcon, React.ReactNode> = {
  dashboard: <DashboardOutlined />,
  region: <ApartmentOutlined />,
  hospital: <MedicineBoxOutlined />,
  team: <TeamOutlined />,
  safety: <SafetyCertificateOutlined />,
  audit: <AuditOutlined />,
  desktop: <DesktopOutlined />,
  fund: <FundOutlined />,
  inbox: <InboxOutlined />,
  key: <KeyOutlined />,
  catalogue: <ProfileOutlined />,
  sheets: <FileExcelOutlined />,
  metrics: <LineChartOutlined />,
};

export interface ShellUser {
  displayName: string;
  username: string;
  roles: string;
  scope: string;
}

export function PortalShell({ nav, user, demo, children }: { nav: NavItem[]; user: ShellUser; demo: boolean; children: React.ReactNode }) {
  const pathname = usePathname();
  // The longest nav href that prefixes the path is the selected item (/admin vs /admin/users).
  const selected = nav
    .map((i) => i.href)
    .filter((h) => pathname === h || pathname.startsWith(h + "/"))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider width={220} breakpoint="lg" collapsedWidth={64}>
        <Link href="/" style={{ display: "flex", alignItems: "center", gap: 10, padding: "16px 16px", color: "#fff", textDecoration: "none" }}>
          <img src={BRAND_MARK} alt="" width={36} height={36} />
          <div>
            <div style={{ fontSize: 22, fontWeight: 700, letterSpacing: 4 }}>亮底</div>
            <div style={{ fontSize: 12, opacity: 0.7, marginTop: 2 }}>医保数据发布平台</div>
          </div>
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={nav.map((i) => ({ key: i.href, icon: ICONS[i.icon], label: <Link href={i.href}>{i.label}</Link> }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ display: "flex", alignItems: "center", justifyContent: "space-between", padding: "0 24px", borderBottom: "1px solid #e8ebf0" }}
        >
          <Typography.Text type="secondary" data-testid="scope">
            {user.scope}
          </Typography.Text>
          <Dropdown
            menu={{
              items: [
                { key: "password", icon: <KeyOutlined />, label: <Link href="/account/password">修改密码</Link> },
                { key: "security", icon: <SafetyCertificateOutlined />, label: <Link href="/account/security">登录安全</Link> },
                { type: "divider" },
                { key: "logout", icon: <LogoutOutlined />, label: "退出登录", onClick: () => signOut({ callbackUrl: "/login" }) },
              ],
            }}
          >
            <Button type="text" style={{ height: 48 }} data-testid="user-menu">
              <Space>
                <Avatar size="small" icon={<UserOutlined />} style={{ background: "#1458b8" }} />
                <span>{user.displayName}</span>
                <Typography.Text type="secondary">{user.roles}</Typography.Text>
              </Space>
            </Button>
          </Dropdown>
        </Layout.Header>
        {demo && (
          <Alert
            banner
            type="warning"
            title="演示环境：数据均为虚构，演示账号的密码公开，请勿录入真实数据。"
            style={{ borderRadius: 0 }}
          />
        )}
        <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
        <Layout.Footer style={{ textAlign: "center", color: "#8a94a6", fontSize: 12, padding: "12px 24px" }}>
          亮底 Liangdi · 统筹区医保数据工作组数据发布门户
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
