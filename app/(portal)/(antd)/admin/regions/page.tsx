import type { Metadata } from "next";
import { listProvinces } from "@/app/_server/admin/list-provinces";
import { listRegions } from "@/app/_server/admin/list-regions";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { RegionsTable } from "@/components/admin/regions-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "统筹区管理" };

export default async function RegionsPage() {
  const session = await requireSession();
  const [regions, provinces] = await orNotFound(() => Promise.all([listRegions(session), listProvinces(session)]));
  return (
    <>
      <PageHeader
        title="统筹区管理"
        description="维护各省的医保统筹区：6 位行政区划编码、名称、统筹层级与上级统筹区；停用的统筹区不再用于新数据。"
      />
      <RegionsTable regions={regions} provinces={provinces} />
    </>
  );
}
