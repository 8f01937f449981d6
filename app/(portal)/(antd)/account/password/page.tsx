import type { Metadata } from "next";
import { DEFAULT_PASSWORD_POLICY } from "@/app/_domain/password-policy";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "修改密码" };

export default function ChangePasswordPage() {
  return (
    <>
      <PageHeader title="修改密码" description="修改后，您在其他设备上的登录会全部失效，需要用新密码重新登录。" />
      <ChangePasswordForm policy={DEFAULT_PASSWORD_POLICY} />
    </>
  );
}
