import { Card } from "antd";
import type { Metadata } from "next";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { getPublication } from "@/app/_server/publications/get-publication";
import { getPublicationEditor } from "@/app/_server/publications/get-publication-editor";
import { DraftEditor } from "@/components/publications/draft-editor";
import { PreviewPicker } from "@/components/publications/preview-picker";
import { PublicationDashboard } from "@/components/publications/publication-dashboard";
import { WorkflowBar } from "@/components/publications/workflow-bar";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "编辑发布" };

/** One version for the data group: workflow, the draft's settings and layout, and a preview as a chosen institution sees it. */
export default async function PublicationEditorPage({
  params,
  searchParams,
}: {
  params: Promise<{ versionId: string }>;
  searchParams: Promise<{ institution?: string }>;
}) {
  const session = await requireSession();
  const { versionId } = await params;
  const { institution } = await searchParams;
  const e = await orNotFound(() => getPublicationEditor(session, { versionId }));
  const code = institution && e.institutions.some((i) => i.code === institution) ? institution : (e.institutions[0]?.code ?? null);
  const view = await orNotFound(() => getPublication(session, { id: e.id, version: e.version, institutionCode: code ?? undefined }));
  const exportQuery = `version=${e.version}${code ? `&institution=${encodeURIComponent(code)}` : ""}`;
  return (
    <>
      <PageHeader
        title={e.title}
        description={`${e.period.label} · 第 ${e.version} 版${e.versions.length > 1 ? `（共 ${e.versions.length} 版）` : ""}`}
      />
      <WorkflowBar e={e} />
      <DraftEditor key={`${e.versionId}:${e.status}`} e={e} />
      <Card title="预览" extra={<PreviewPicker institutions={e.institutions} value={code} />} styles={{ body: { background: "#f3f5f9" } }}>
        <PublicationDashboard
          view={view}
          versionHref={(other) => `/publications/${other}`}
          exportHref={(f) => `/api/publications/${e.id}/export?format=${f}&${exportQuery}`}
        />
      </Card>
    </>
  );
}
