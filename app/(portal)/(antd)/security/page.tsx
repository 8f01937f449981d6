import type { Metadata } from "next";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { listAccounts } from "@/app/_server/security/list-accounts";
import { AccountsTable } from "@/components/home/accounts-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "账号安全" };

export default async function SecurityHome() {
  const session = await requireSession();
  const accounts = await orNotFound(() => listAccounts(session));
  return (
    <>
      <PageHeader
        title="账号安全"
        description="安全管理员查看各账号的状态、登录锁定、双因素认证和在线会话，并可解锁账号、结束会话、重置双因素认证。"
      />
      <AccountsTable accounts={accounts} currentUserId={session.userId} />
    </>
  );
}
