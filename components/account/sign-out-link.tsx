"use client";

import { Button } from "antd";
import { signOut } from "next-auth/react";

export function SignOutLink({ label = "退出登录" }: { label?: string }) {
  return (
    <Button type="link" style={{ padding: 0 }} onClick={() => signOut({ callbackUrl: "/login" })}>
      {label}
    </Button>
  );
}
