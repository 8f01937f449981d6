import type { IndicatorScope, Scheme } from "@/app/_domain/catalogue";
import type { SheetReport } from "@/app/_domain/sheets/types";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { loadRegionVersion } from "./load-region-version";
import { readSheetValues } from "./sheet-values-store";
import { toVersionSummary } from "./version-summary";

export interface SheetCellDto {
  indicatorCode: string;
  scheme: Scheme;
  institutionCode: string | null;
  value: string | null;
}

/** An input indicator of the version's catalogue (national, then the region's local ones), for labelling cells. */
export interface SheetIndicatorDto {
  code: string;
  category: string;
  nameZh: string;
  unit: string;
  scope: IndicatorScope;
  schemes: Scheme[];
}

/** One version with its report and every value, for the version page (region staff of that region). */
export async function getSheetVersion(session: Session, versionId: string) {
  await requirePermission(session, "region.read");
  const prisma = await db();
  const v = await loadRegionVersion(prisma, session.regionId, versionId);
  const institutions = await prisma.institution.findMany({
    where: { regionId: v.sheet.regionId },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, level: true, active: true },
  });
  const codeOf = new Map(institutions.map((i) => [i.id, i.code]));
  const values = (await readSheetValues(prisma, v.id)).map((x) => ({
    indicatorCode: x.indicatorCode,
    scheme: x.scheme,
    institutionCode: x.institutionId ? (codeOf.get(x.institutionId) ?? null) : null,
    value: x.value,
  }));
  // The catalogue the version was validated against (the region's may have moved on since), inputs only:
  // derived indicators are computed, never reported in a sheet.
  const rows = await prisma.indicator.findMany({
    where: { catalogueVersionId: v.catalogueVersionId, formula: null, OR: [{ regionId: null }, { regionId: v.sheet.regionId }] },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { code: true, category: true, nameZh: true, unit: true, scope: true, schemes: true, regionId: true },
  });
  const indicators: SheetIndicatorDto[] = [...rows.filter((r) => r.regionId === null), ...rows.filter((r) => r.regionId !== null)].map(
    ({ regionId: _r, ...i }) => ({ ...i, schemes: i.schemes as Scheme[] }),
  );
  const others = await prisma.sheetVersion.findMany({
    where: { sheetId: v.sheetId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, status: true },
  });
  return {
    ...toVersionSummary(v),
    period: v.sheet.period,
    catalogueCode: v.catalogueVersion.code,
    fileSha256: v.fileSha256,
    report: v.report as unknown as SheetReport,
    values: values as SheetCellDto[],
    indicators,
    institutions: institutions.map(({ id: _id, ...i }) => i),
    otherVersions: others,
  };
}

export type SheetVersionDto = Awaited<ReturnType<typeof getSheetVersion>>;
