import { Alert, Space } from "antd";
import type { Metadata } from "next";
import { RECONSTRUCTED_NOTICE } from "@/app/_domain/catalogues";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { getCatalogueVersion } from "@/app/_server/catalogue/get-catalogue-version";
import { IndicatorCatalogue } from "@/components/catalogue/indicator-catalogue";
import { DownloadButton } from "@/components/ui/download-button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "指标目录" };

export default async function CatalogueVersionPage({ params }: { params: Promise<{ code: string }> }) {
  const session = await requireSession();
  const { code } = await params;
  const detail = await orNotFound(() => getCatalogueVersion(session, code));
  const { version, indicators, region } = detail;
  const count = (scope: "REGION" | "INSTITUTION", local: boolean) =>
    indicators.filter((i) => i.scope === scope && i.local === local).length;
  const locals = indicators.filter((i) => i.local).length;
  const exportUrl = (format: "xlsx" | "csv") => `/api/catalogue/${encodeURIComponent(version.code)}/export?format=${format}`;
  return (
    <>
      <PageHeader
        title={version.name}
        description={[
          `版本 ${version.code}`,
          `统筹区指标 ${count("REGION", false)} 项`,
          `医疗机构指标 ${count("INSTITUTION", false)} 项`,
          ...(region ? [`${region.name}地方增选 ${locals} 项`] : []),
        ].join(" · ")}
        extra={
          detail.canExport ? (
            <Space>
              <DownloadButton href={exportUrl("xlsx")}>导出 Excel</DownloadButton>
              <DownloadButton href={exportUrl("csv")}>导出 CSV</DownloadButton>
            </Space>
          ) : undefined
        }
      />
      {version.reconstructed && (
        <Alert
          type="warning"
          showIcon
          title={RECONSTRUCTED_NOTICE}
          description={version.description ?? undefined}
          style={{ marginBottom: 16 }}
          data-testid="reconstructed-banner"
        />
      )}
      <IndicatorCatalogue
        catalogueCode={version.code}
        indicators={indicators}
        canManageLocal={detail.canManageLocal}
        regionName={region?.name ?? null}
      />
    </>
  );
}
