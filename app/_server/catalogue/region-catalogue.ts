import type { IndicatorDef } from "@/app/_domain/catalogue";
import { BUILT_IN_CATALOGUE_CODES, newestBuiltIn } from "@/app/_domain/catalogues";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { AppError, notFound } from "../errors";
import { toIndicatorDef } from "./indicator-rows";

/**
 * "The catalogue of a region": its catalogue version (the one set on the region, otherwise the newest built-in
 * one) with the version's own indicators followed by that region's local indicators (地方增选). Not a use case:
 * callers authorise first and pass a region id taken from the session. Sheets, templates and metrics use this.
 */

type Db = PrismaClient | Prisma.TransactionClient;

export interface CatalogueVersionSummary {
  id: string;
  code: string;
  name: string;
  description: string | null;
  reconstructed: boolean;
  createdAt: Date;
}

export interface RegionIndicator extends IndicatorDef {
  id: string;
  /** True for the region's own indicators (地方增选). */
  local: boolean;
}

export interface RegionCatalogue {
  version: CatalogueVersionSummary;
  indicators: RegionIndicator[];
}

const VERSION_SELECT = { id: true, code: true, name: true, description: true, reconstructed: true, createdAt: true } as const;

/** The version a region uses; null only when the database holds no built-in catalogue (never after bootstrap). */
export async function catalogueVersionOfRegion(
  client: Db,
  region: { catalogueVersionId: string | null },
): Promise<CatalogueVersionSummary | null> {
  if (region.catalogueVersionId)
    return client.catalogueVersion.findUnique({ where: { id: region.catalogueVersionId }, select: VERSION_SELECT });
  return defaultCatalogueVersion(client);
}

/** The newest built-in catalogue present in the database: what a region without an explicit one uses. */
export async function defaultCatalogueVersion(client: Db): Promise<CatalogueVersionSummary | null> {
  const builtIn = await client.catalogueVersion.findMany({
    where: { code: { in: [...BUILT_IN_CATALOGUE_CODES] } },
    select: VERSION_SELECT,
  });
  return newestBuiltIn(builtIn) ?? null;
}

export async function loadRegionCatalogue(client: Db, regionId: string): Promise<RegionCatalogue> {
  const region = await client.region.findUnique({ where: { id: regionId }, select: { catalogueVersionId: true } });
  if (!region) throw notFound("统筹区");
  const version = await catalogueVersionOfRegion(client, region);
  if (!version) throw new AppError("NOT_FOUND", "系统尚未载入指标目录，请联系系统管理员。");
  const rows = await client.indicator.findMany({
    where: { catalogueVersionId: version.id, OR: [{ regionId: null }, { regionId }] },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  // The version's own indicators first, then the region's, each in their own order.
  const national = rows.filter((r) => r.regionId === null);
  const local = rows.filter((r) => r.regionId !== null);
  return {
    version,
    indicators: [...national, ...local].map((r) => ({ ...toIndicatorDef(r), id: r.id, local: r.regionId !== null })),
  };
}
