import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DEFAULT_PASSWORD_POLICY } from "@/app/_domain/password-policy";
import { getSession } from "@/app/_server/auth/current-session";
import { readEnv } from "@/app/_server/env";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ForcedPasswordNotice } from "@/components/account/forced-password-notice";

export const metadata: Metadata = { title: "修改密码" };

/** Where a user whose password was set or reset by an administrator, or has expired, must go before anything else. */
export default async function ForcedPasswordChange() {
  const session = await getSession();
  if (!session) redirect("/login");
  return (
    <main style={{ minHeight: "100vh", display: "flex", alignItems: "center", justifyContent: "center", background: "#f3f5f9" }}>
      <div style={{ width: 520 }}>
        <ForcedPasswordNotice
          displayName={session.displayName}
          expiredAfterDays={session.pending === "password-expired" ? readEnv().passwordMaxAgeDays : null}
        />
        <ChangePasswordForm policy={DEFAULT_PASSWORD_POLICY} />
      </div>
    </main>
  );
}
