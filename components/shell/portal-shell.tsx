import Link from "next/link";
import { BRAND_MARK } from "@/app/_domain/messages";
import type { NavItem } from "@/app/_domain/navigation";
import { MobileNav, NavMenu } from "./nav-menu";
import { UserMenu, type ShellUser } from "./user-menu";
import "./portal-shell.css";

export type { ShellUser };

function Brand() {
  return (
    <Link href="/" className="shell-brand">
      <img src={BRAND_MARK} alt="" width={36} height={36} />
      <div>
        <div className="shell-brand-name">亮底</div>
        <div className="shell-brand-sub">医保数据发布平台</div>
      </div>
    </Link>
  );
}

/**
 * The frame of every signed-in page, rendered on the server: a fixed-width sider (it never yields to the page's
 * content) from the `md` breakpoint up, below it a drawer behind the header's menu button; a header with the
 * user's scope and menu (condensed on phones); the demo banner; the footer. Only the menus are client code.
 */
export function PortalShell({ nav, user, demo, children }: { nav: NavItem[]; user: ShellUser; demo: boolean; children: React.ReactNode }) {
  return (
    <div className="shell">
      <aside className="shell-sider" data-testid="sider">
        <Brand />
        <NavMenu nav={nav} />
      </aside>
      <div className="shell-main">
        <header className="shell-header">
          <MobileNav nav={nav} scope={user.scope}>
            <Brand />
          </MobileNav>
          <span className="shell-scope" data-testid="scope">
            {user.scope}
          </span>
          <UserMenu user={user} />
        </header>
        {demo && (
          <div className="shell-demo" role="note">
            演示环境：数据均为虚构，演示账号的密码公开，请勿录入真实数据。
          </div>
        )}
        <main className="shell-content">{children}</main>
        <footer className="shell-footer">亮底 Liangdi · 统筹区医保数据工作组数据发布门户</footer>
      </div>
    </div>
  );
}
