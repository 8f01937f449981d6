"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { NavItem } from "@/app/_domain/navigation";
import { Icon } from "./nav-icon";

/**
 * While a clicked menu link's page is on its way, a thin bar runs along the top of the window (the portal has
 * no loading.tsx: its Suspense boundary would answer a refused page 200 instead of 404).
 */
function NavPending() {
  const { pending } = useLinkStatus();
  return pending ? <span className="nav-pending" role="progressbar" aria-label="正在打开页面" data-testid="nav-pending" /> : null;
}

/** The side navigation: plain links; the longest nav href that prefixes the path is the current page (/admin vs /admin/users). */
export function NavMenu({ nav, onNavigate }: { nav: NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const current = nav
    .map((i) => i.href)
    .filter((h) => pathname === h || pathname.startsWith(h + "/"))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label="主导航">
      <ul className="shell-nav">
        {nav.map((i) => (
          <li key={i.href}>
            <Link href={i.href} className="shell-nav-item" aria-current={i.href === current ? "page" : undefined} onClick={onNavigate}>
              <Icon name={i.icon} />
              {i.label}
              <NavPending />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Below the `md` breakpoint: a menu button in the header that opens the navigation as a drawer (Esc or the mask closes it). */
export function MobileNav({ nav, scope, children }: { nav: NavItem[]; scope: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("keydown", onKey);
    document.body.style.overflow = "hidden";
    panel.current?.querySelector<HTMLElement>("[aria-current=page], .shell-nav-item")?.focus();
    return () => {
      document.removeEventListener("keydown", onKey);
      document.body.style.overflow = "";
    };
  }, [open]);
  const close = () => setOpen(false);
  return (
    <div className="shell-mobile-nav">
      <button
        type="button"
        className="shell-icon-button"
        aria-label="打开导航菜单"
        aria-expanded={open}
        onClick={() => setOpen(true)}
        data-testid="nav-toggle"
      >
        <Icon name="menu" />
      </button>
      <span className="shell-mobile-title">亮底</span>
      {open && (
        <div className="shell-drawer" data-testid="nav-drawer">
          <div className="shell-drawer-mask" onClick={close} />
          <div className="shell-drawer-panel" role="dialog" aria-modal="true" aria-label="导航菜单" ref={panel}>
            <div onClick={close}>{children}</div>
            <div className="shell-drawer-scope">{scope}</div>
            <NavMenu nav={nav} onNavigate={close} />
          </div>
        </div>
      )}
    </div>
  );
}
