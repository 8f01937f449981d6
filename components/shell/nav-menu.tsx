"use client";

import {
  ApartmentOutlined,
  AuditOutlined,
  DashboardOutlined,
  DesktopOutlined,
  FileExcelOutlined,
  FundOutlined,
  InboxOutlined,
  KeyOutlined,
  LineChartOutlined,
  MedicineBoxOutlined,
  MenuOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { Button, Drawer, Menu } from "antd";
import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
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

/**
 * While a clicked menu link's page is on its way, a thin bar runs along the top of the window (the portal has
 * no loading.tsx: its Suspense boundary would answer a refused page 200 instead of 404).
 */
function NavPending() {
  const { pending } = useLinkStatus();
  return pending ? <span className="nav-pending" role="progressbar" aria-label="正在打开页面" data-testid="nav-pending" /> : null;
}

/** The sidebar menu; the longest nav href that prefixes the path is selected (/admin vs /admin/users). */
export function NavMenu({ nav, onNavigate }: { nav: NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const selected = nav
    .map((i) => i.href)
    .filter((h) => pathname === h || pathname.startsWith(h + "/"))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      onClick={onNavigate}
      items={nav.map((i) => ({
        key: i.href,
        icon: ICONS[i.icon],
        label: (
          <Link href={i.href}>
            {i.label}
            <NavPending />
          </Link>
        ),
      }))}
    />
  );
}

/** Below the `md` breakpoint: a menu button in the header that opens the navigation as a drawer. */
export function MobileNav({ nav, scope, children }: { nav: NavItem[]; scope: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="shell-mobile-nav">
      <Button type="text" aria-label="打开导航菜单" icon={<MenuOutlined />} onClick={() => setOpen(true)} data-testid="nav-toggle" />
      <span className="shell-mobile-title">亮底</span>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="left"
        size={264}
        closable={false}
        rootClassName="shell-drawer"
        styles={{ body: { padding: 0, background: "#0f2f5c" } }}
        title={null}
      >
        <div onClick={() => setOpen(false)}>{children}</div>
        <div className="shell-drawer-scope">{scope}</div>
        <NavMenu nav={nav} onNavigate={() => setOpen(false)} />
      </Drawer>
    </div>
  );
}
