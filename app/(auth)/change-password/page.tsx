import { Card, Typography } from "antd";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DEFAULT_PASSWORD_POLICY } from "@/app/_domain/password-policy";
import { getSession } from "@/app/_server/auth/current-session";
import { ChangePasswordForm } from "@/components/account/change-password-form";

export const metadata: Metadata = { title: "修改初始密码" };

/** Where a user whose password was set or reset by an administrator must go before anything else. */
export default async function ForcedPasswordChange() {
  const session = await getSession();
  if (!session) redirect("/login");
  return (
    <main style={{ minHeight: "100vh", display: "flex", alignItems: "center", justifyContent: "center", background: "#f3f5f9" }}>
      <div style={{ width: 520 }}>
        <Card style={{ marginBottom: 16 }}>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {session.displayName}，请先修改密码
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            您的密码由管理员设置或重置，须修改为只有您知道的密码后才能继续使用系统。
          </Typography.Paragraph>
        </Card>
        <ChangePasswordForm policy={DEFAULT_PASSWORD_POLICY} />
      </div>
    </main>
  );
}
