import type { Metadata } from "next";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { listAuditEvents } from "@/app/_server/audit/list-audit-events";
import { AuditTable } from "@/components/home/audit-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "审计日志" };

export default async function AuditHome({ searchParams }: { searchParams: Promise<{ action?: string; actor?: string }> }) {
  const session = await requireSession();
  const { action, actor } = await searchParams;
  const events = await orNotFound(() => listAuditEvents(session, { action, actor }));
  return (
    <>
      <PageHeader title="审计日志" description="所有登录、越权访问和数据变更均记录在此；日志只增不改，逐条哈希链接。显示最近 200 条。" />
      <AuditTable events={events} />
    </>
  );
}
