"use client";

import { Button, Card, Typography } from "antd";
import { signOut } from "next-auth/react";

/**
 * The notice above the forced password change form. A client component: a server component cannot use
 * `Typography.Title` (a property of a client reference is undefined there, and the page answered 500).
 */
export function ForcedPasswordNotice({ displayName, expiredAfterDays = null }: { displayName: string; expiredAfterDays?: number | null }) {
  return (
    <Card style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {displayName}，请先修改密码
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {expiredAfterDays
          ? `您的密码已超过 ${expiredAfterDays} 天未更换。按照等级保护要求，须定期更换密码后才能继续使用系统。`
          : "您的密码由管理员设置或重置，须修改为只有您知道的密码后才能继续使用系统。“当前密码”即管理员告知您的初始密码或临时密码。"}
      </Typography.Paragraph>
      <Button type="link" style={{ padding: 0 }} onClick={() => signOut({ callbackUrl: "/login" })}>
        暂不修改，退出登录
      </Button>
    </Card>
  );
}
