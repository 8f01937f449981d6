import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { pendingStepPath } from "@/app/_domain/auth-policy";
import { navigationFor } from "@/app/_domain/navigation";
import { describeScope } from "@/app/_server/auth/describe-scope";
import { requireSession } from "@/app/_server/auth/current-session";
import { isDemoDeployment } from "@/app/_server/system/is-demo-deployment";
import { PortalShell } from "@/components/shell/portal-shell";
import { RequestIdProvider } from "@/components/shell/request-id";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const session = await requireSession();
  // A pending step (password change, expired password, MFA enrolment) comes before anything else.
  if (session.pending) redirect(pendingStepPath(session.pending));
  const { roles, scope } = await describeScope(session);
  return (
    <PortalShell
      nav={navigationFor(session.roles)}
      user={{ displayName: session.displayName, username: session.username, roles, scope }}
      demo={await isDemoDeployment()}
    >
      <RequestIdProvider id={(await headers()).get("x-request-id")}>{children}</RequestIdProvider>
    </PortalShell>
  );
}
