import { actorOf, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { invalid, notFound } from "../errors";
import { catalogueCsv, catalogueXlsx } from "./catalogue-file";
import { toIndicatorDef } from "./indicator-rows";

export type CatalogueExportFormat = "xlsx" | "csv";

export const CONTENT_TYPES: Record<CatalogueExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

/**
 * A catalogue version's own indicators as .xlsx or .csv (SYSTEM_ADMIN), in the layout the import reads, so a
 * region can start the official list from the reconstruction. Regions' local indicators are not part of a
 * version and are not exported. The download is audited.
 */
export interface CatalogueFile {
  fileName: string;
  bytes: Buffer;
  contentType: string;
}

export async function exportCatalogueVersion(
  session: Session,
  input: { code: string; format: CatalogueExportFormat },
): Promise<CatalogueFile> {
  await requirePermission(session, "catalogue.manage", input?.code);
  if (input?.format !== "xlsx" && input?.format !== "csv") throw invalid("导出格式应为 xlsx 或 csv。");
  const prisma = await db();
  const version = await prisma.catalogueVersion.findUnique({
    where: {
      code: String(input.code ?? "")
        .trim()
        .toUpperCase(),
    },
  });
  if (!version) throw notFound("指标目录");
  const rows = await prisma.indicator.findMany({
    where: { catalogueVersionId: version.id, regionId: null },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  const indicators = rows.map(toIndicatorDef);
  const bytes = input.format === "xlsx" ? await catalogueXlsx(version, indicators) : catalogueCsv(indicators);
  await prisma.$transaction((tx) =>
    recordAudit(tx, actorOf(session), {
      action: "catalogue.export",
      objectType: "CatalogueVersion",
      objectId: version.id,
      detail: { code: version.code, format: input.format, indicators: indicators.length },
    }),
  );
  return { fileName: `指标目录_${version.code}.${input.format}`, bytes, contentType: CONTENT_TYPES[input.format] };
}
