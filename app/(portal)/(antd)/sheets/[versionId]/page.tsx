import type { Metadata } from "next";
import { monthLabel } from "@/app/_domain/periods";
import { can } from "@/app/_domain/permissions";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { getSheetVersion } from "@/app/_server/sheets/get-sheet-version";
import { ReviewBar } from "@/components/sheets/review-bar";
import { VersionDetails } from "@/components/sheets/version-details";
import { VersionTabs } from "@/components/sheets/version-tabs";
import { BackToSheets } from "@/components/sheets/back-to-sheets";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "月度底稿版本" };

export default async function SheetVersionPage({ params }: { params: Promise<{ versionId: string }> }) {
  const session = await requireSession();
  const { versionId } = await params;
  const v = await orNotFound(() => getSheetVersion(session, versionId));
  const accepted = v.otherVersions.find((o) => o.status === "ACCEPTED" && o.id !== v.id);
  const newest = v.otherVersions[0];
  return (
    <>
      <PageHeader
        title={`${monthLabel(v.period)} 第 ${v.version} 版`}
        description={`月度底稿 · 指标目录 ${v.catalogueCode}`}
        extra={<BackToSheets />}
      />
      <VersionDetails v={v} />
      <ReviewBar
        versionId={v.id}
        version={v.version}
        status={v.status}
        canReview={can(session.roles, "sheet.review")}
        ownUpload={v.uploadedById === session.userId}
        replaces={accepted?.version ?? null}
        newer={newest.version > v.version ? newest.version : null}
      />
      <VersionTabs v={v} />
    </>
  );
}
