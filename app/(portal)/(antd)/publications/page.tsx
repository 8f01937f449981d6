import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { addMonths, currentPeriod } from "@/app/_domain/periods";
import { can } from "@/app/_domain/permissions";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { listPublications } from "@/app/_server/publications/list-publications";
import { CreateTopicalButton } from "@/components/publications/create-topical-button";
import { PublicationsTable } from "@/components/publications/publications-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "数据发布" };

export default async function PublicationsPage() {
  const session = await requireSession();
  // The data group's page; hospitals read theirs in 本院数据 (/inbox), with the same use case.
  if (!can(session.roles, "region.read")) notFound();
  const items = await orNotFound(() => listPublications(session));
  return (
    <>
      <PageHeader
        title="数据发布"
        description="月推送、季发布和专题分析：接收底稿后自动生成草稿，经编辑、他人审核、发布后冻结为快照推送给医疗机构。"
        extra={
          can(session.roles, "publication.draft") && (
            <CreateTopicalButton
              defaultEnd={addMonths(currentPeriod(), -1)}
              copyable={items
                .filter((p) => p.status !== "WITHDRAWN")
                .slice(0, 20)
                .map((p) => ({ versionId: p.versionId, title: p.title }))}
            />
          )
        }
      />
      <PublicationsTable items={items} />
    </>
  );
}
