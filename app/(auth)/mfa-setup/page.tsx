import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { pendingStepPath } from "@/app/_domain/auth-policy";
import { homePathFor } from "@/app/_domain/permissions";
import { beginMfaEnrolment } from "@/app/_server/account/begin-mfa-enrolment";
import { getSession } from "@/app/_server/auth/current-session";
import { MfaEnrolment } from "@/components/account/mfa-enrolment";
import { MfaSetupIntro } from "@/components/account/mfa-setup-intro";

export const metadata: Metadata = { title: "绑定身份验证器" };

/** Where a bureau user without MFA (or one whose MFA was reset) must go after the password step. */
export default async function MfaSetupPage() {
  const session = await getSession();
  if (!session) redirect("/login");
  if (session.pending !== "enrol-mfa")
    redirect(session.pending ? pendingStepPath(session.pending) : session.mfaEnabled ? homePathFor(session.roles) : "/account/security");
  const enrolment = await beginMfaEnrolment(session);
  return (
    <main
      style={{ minHeight: "100vh", display: "flex", alignItems: "center", justifyContent: "center", background: "#f3f5f9", padding: 24 }}
    >
      <div style={{ width: 600 }}>
        <MfaSetupIntro displayName={session.displayName}>
          <MfaEnrolment
            username={session.username}
            secret={enrolment.secret}
            qrSvg={enrolment.qrSvg}
            doneHref={homePathFor(session.roles)}
            doneLabel="进入系统"
          />
        </MfaSetupIntro>
      </div>
    </main>
  );
}
