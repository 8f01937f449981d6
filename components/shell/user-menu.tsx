"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { Icon } from "./nav-icon";

export interface ShellUser {
  displayName: string;
  username: string;
  roles: string;
  scope: string;
}

/** The header's user button (name and roles; on phones the avatar only) and its menu; a click outside or Esc closes it. */
export function UserMenu({ user }: { user: ShellUser }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  return (
    <div className="shell-user-wrap" ref={root}>
      <button
        type="button"
        className="shell-user"
        data-testid="user-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`${user.displayName} ${user.roles} 的账户菜单`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="shell-avatar">
          <Icon name="user" />
        </span>
        <span className="shell-user-name">{user.displayName}</span> <span className="shell-user-roles">{user.roles}</span>
      </button>
      {open && (
        <ul className="shell-user-menu" role="menu" onClick={() => setOpen(false)}>
          <li className="shell-user-who" role="none">
            {user.displayName} · {user.roles}
          </li>
          <li role="none">
            <Link role="menuitem" href="/account/password">
              <Icon name="key" />
              修改密码
            </Link>
          </li>
          <li role="none">
            <Link role="menuitem" href="/account/security">
              <Icon name="safety" />
              登录安全
            </Link>
          </li>
          <li role="separator" />
          <li role="none">
            <button type="button" role="menuitem" onClick={() => signOut({ callbackUrl: "/login" })}>
              <Icon name="logout" />
              退出登录
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
