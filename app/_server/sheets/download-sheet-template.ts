import { isFuturePeriod, monthLabel, parsePeriod } from "@/app/_domain/periods";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { loadRegionCatalogue } from "../catalogue/region-catalogue";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import type { DownloadedFile } from "./download-sheet-file";
import { buildSheetTemplate } from "./sheet-template";

/** The xlsx template of the caller's region for one month, generated from its catalogue and institutions. */
export async function downloadSheetTemplate(session: Session, input: { period: string }): Promise<DownloadedFile> {
  await requirePermission(session, "template.download");
  if (!session.regionId) throw notFound("统筹区");
  const p = parsePeriod(input.period ?? "");
  if (!p.ok) throw new AppError("INVALID", p.message);
  if (isFuturePeriod(p.period)) throw new AppError("INVALID", `${monthLabel(p.period)}尚未到来，不能填报。`);
  const prisma = await db();
  const region = await prisma.region.findUnique({
    where: { id: session.regionId },
    include: { institutions: { where: { active: true }, orderBy: { code: "asc" }, select: { code: true, name: true, level: true } } },
  });
  if (!region) throw notFound("统筹区");
  const catalogue = await loadRegionCatalogue(prisma, region.id);
  const bytes = await buildSheetTemplate({
    region: { code: region.code, name: region.name },
    period: p.period,
    catalogue: { code: catalogue.version.code, indicators: catalogue.indicators },
    institutions: region.institutions,
  });
  return {
    fileName: `${region.name}-${p.period}-医保数据底稿.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    bytes,
  };
}
