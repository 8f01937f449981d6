import type { Metadata } from "next";
import { addMonths, currentPeriod } from "@/app/_domain/periods";
import { can } from "@/app/_domain/permissions";
import { monthStatusTags, monthsToShow } from "@/app/_domain/sheets/display";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { listSheets } from "@/app/_server/sheets/list-sheets";
import { SheetMonthsTable, type SheetMonthRow } from "@/components/sheets/sheet-months-table";
import { UploadSheetCard } from "@/components/sheets/upload-sheet-card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "月度底稿" };

export default async function SheetsPage() {
  const session = await requireSession();
  const list = await orNotFound(() => listSheets(session));
  // Month M's sheet is filled in during month M+1: last month is the one due.
  const due = addMonths(currentPeriod(), -1);
  const byPeriod = new Map(list.sheets.map((s) => [s.period, s]));
  const rows: SheetMonthRow[] = monthsToShow([...byPeriod.keys()], due).map((period) => {
    const sheet = byPeriod.get(period);
    return { period, tags: monthStatusTags(sheet), versions: sheet?.versions ?? [] };
  });
  return (
    <>
      <PageHeader
        title="月度底稿"
        description={`${list.regionName}（${list.regionCode}）每月的医保数据底稿：上传、校验、审核，每个版本都保留原始文件与校验报告。`}
      />
      {can(session.roles, "sheet.upload") && <UploadSheetCard defaultPeriod={due} />}
      <SheetMonthsTable rows={rows} />
    </>
  );
}
