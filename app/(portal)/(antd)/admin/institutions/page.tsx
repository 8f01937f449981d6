import type { Metadata } from "next";
import { listInstitutions } from "@/app/_server/admin/list-institutions";
import { listRegions } from "@/app/_server/admin/list-regions";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { ImportInstitutionsButton } from "@/components/admin/import-institutions-button";
import { InstitutionsTable } from "@/components/admin/institutions-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "医疗机构管理" };

export default async function InstitutionsPage() {
  const session = await requireSession();
  const [institutions, regions] = await orNotFound(() => Promise.all([listInstitutions(session), listRegions(session)]));
  return (
    <>
      <PageHeader
        title="医疗机构管理"
        description="维护各统筹区的定点医疗机构：编码、等级、类别、床位与定点状态；可从 Excel/CSV 批量导入。"
      />
      <InstitutionsTable
        institutions={institutions}
        regions={regions.map((r) => ({ id: r.id, code: r.code, name: r.name }))}
        toolbar={<ImportInstitutionsButton />}
      />
    </>
  );
}
