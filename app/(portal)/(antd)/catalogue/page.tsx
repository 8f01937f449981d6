import { Alert } from "antd";
import type { Metadata } from "next";
import Link from "next/link";
import { RECONSTRUCTED_NOTICE } from "@/app/_domain/catalogues";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { listCatalogueVersions } from "@/app/_server/catalogue/list-catalogue-versions";
import { CatalogueVersionsTable } from "@/components/catalogue/catalogue-versions-table";
import { ImportCatalogueButton } from "@/components/catalogue/import-catalogue-button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "指标目录" };

export default async function CataloguePage() {
  const session = await requireSession();
  const list = await orNotFound(() => listCatalogueVersions(session));
  const reconstructedInUse = list.versions.some(
    (v) => v.reconstructed && (list.region ? v.code === list.region.catalogueCode : v.isDefault),
  );
  return (
    <>
      <PageHeader
        title="指标目录"
        description={
          list.region
            ? "本统筹区数据底稿使用的指标目录：国家底稿指标与本地增选指标，每项的口径、单位、频次、险种与计算公式。"
            : "数据底稿的指标目录版本。未指定目录的统筹区使用默认版本；导入官方清单时会建立新版本，已有版本不会被修改。"
        }
        extra={list.canImport ? <ImportCatalogueButton /> : undefined}
      />
      {reconstructedInUse && <Alert type="warning" showIcon title={RECONSTRUCTED_NOTICE} style={{ marginBottom: 16 }} />}
      {list.region && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <>
              {list.region.name}使用目录 <b>{list.region.catalogueCode}</b>，已增选地方指标 {list.region.localIndicators} 项。{" "}
              <Link href={`/catalogue/${encodeURIComponent(list.region.catalogueCode)}`} style={{ textDecoration: "underline" }}>
                查看本统筹区指标目录
              </Link>
            </>
          }
        />
      )}
      <CatalogueVersionsTable versions={list.versions} showRegionCount={list.canImport} />
    </>
  );
}
