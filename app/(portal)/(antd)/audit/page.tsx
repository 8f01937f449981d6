import type { Metadata } from "next";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { listAuditEvents } from "@/app/_server/audit/list-audit-events";
import { AuditLog } from "@/components/audit/audit-log";
import { AuditVerifyCard } from "@/components/audit/audit-verify-card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "审计日志" };

type Query = { from?: string; to?: string; actor?: string; action?: string; result?: string; page?: string; upTo?: string };

export default async function AuditHome({ searchParams }: { searchParams: Promise<Query> }) {
  const session = await requireSession();
  const { from, to, actor, action, result, page, upTo } = await searchParams;
  const log = await orNotFound(() =>
    listAuditEvents(session, { from, to, actor, action, result }, { page: Number(page), upTo }).catch((e) => {
      // A malformed filter in the URL shows the unfiltered log rather than an error page.
      if (e?.code === "INVALID") return listAuditEvents(session, {});
      throw e;
    }),
  );
  return (
    <>
      <PageHeader
        title="审计日志"
        description="登录、越权访问、数据变更和导出均记录在此：日志只增不改、逐条哈希链接，在线保存不少于 180 天（系统不提供删除）。"
      />
      <AuditVerifyCard />
      <AuditLog events={log.events} filter={log.filter} total={log.total} page={log.page} pageSize={log.pageSize} upTo={log.upTo} />
    </>
  );
}
