import { redirect } from "next/navigation";
import { navigationFor } from "@/app/_domain/navigation";
import { describeScope } from "@/app/_server/auth/describe-scope";
import { requireSession } from "@/app/_server/auth/current-session";
import { isDemoDeployment } from "@/app/_server/system/is-demo-deployment";
import { PortalShell } from "@/components/shell/portal-shell";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const session = await requireSession();
  if (session.mustChangePassword) redirect("/change-password");
  const { roles, scope } = await describeScope(session);
  return (
    <PortalShell
      nav={navigationFor(session.roles)}
      user={{ displayName: session.displayName, username: session.username, roles, scope }}
      demo={await isDemoDeployment()}
    >
      {children}
    </PortalShell>
  );
}
