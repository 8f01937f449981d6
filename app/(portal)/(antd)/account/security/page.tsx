import type { Metadata } from "next";
import { beginMfaEnrolment } from "@/app/_server/account/begin-mfa-enrolment";
import { getMfaStatus } from "@/app/_server/account/get-mfa-status";
import { requireSession } from "@/app/_server/auth/current-session";
import { readEnv } from "@/app/_server/env";
import { SignInSecurity } from "@/components/account/sign-in-security";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "登录安全" };

/** Every user's own sign-in security: the second factor, and signing out on every device. */
export default async function AccountSecurityPage() {
  const session = await requireSession();
  const status = await getMfaStatus(session);
  const enrolment = status.enabled ? null : await beginMfaEnrolment(session);
  const env = readEnv();
  return (
    <>
      <PageHeader title="登录安全" description="双因素认证（身份验证器动态验证码）与登录设备。" />
      <SignInSecurity
        username={session.username}
        status={status}
        enrolment={enrolment && { secret: enrolment.secret, qrSvg: enrolment.qrSvg }}
        timeouts={{ idleMinutes: Math.round(env.sessionIdleTimeout / 60), maxHours: Math.round((env.sessionMaxAge / 3600) * 10) / 10 }}
      />
    </>
  );
}
