import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/app/_domain/permissions";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { getPublicationReceipts } from "@/app/_server/publications/get-publication-receipts";
import { ReceiptsTable } from "@/components/publications/receipts-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "阅读回执" };

export default async function ReceiptsPage({ params }: { params: Promise<{ versionId: string }> }) {
  const session = await requireSession();
  const { versionId } = await params;
  const r = await orNotFound(() => getPublicationReceipts(session, { versionId }));
  return (
    <>
      <PageHeader
        title={r.title}
        description="哪些医疗机构已打开、已确认已阅（任一用户确认即计入本机构），哪些尚未确认。"
        extra={<Link href={`/publications/${versionId}`}>返回发布</Link>}
      />
      <ReceiptsTable r={r} canRemind={can(session.roles, "publication.publish") || can(session.roles, "publication.draft")} />
    </>
  );
}
