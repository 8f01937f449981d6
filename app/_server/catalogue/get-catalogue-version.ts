import { isBuiltInCatalogue } from "@/app/_domain/catalogues";
import { can } from "@/app/_domain/permissions";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { notFound } from "../errors";
import { catalogueViewerOf } from "./catalogue-access";
import { toIndicatorDef } from "./indicator-rows";
import { catalogueVersionOfRegion, loadRegionCatalogue, type RegionIndicator } from "./region-catalogue";

export interface CatalogueVersionDetail {
  version: { code: string; name: string; description: string | null; reconstructed: boolean; builtIn: boolean; createdAt: string };
  indicators: RegionIndicator[];
  /** For a region's staff: the region whose local indicators are included. */
  region: { code: string; name: string } | null;
  canExport: boolean;
  canManageLocal: boolean;
}

/**
 * One catalogue version with its indicators. A region's staff may open only the version their region uses
 * (any other code is "not found", so nothing is learnt about it) and see their region's local indicators
 * after the version's own; the system admin and supervisors see the version's own indicators only.
 */
export async function getCatalogueVersion(session: Session, code: string): Promise<CatalogueVersionDetail> {
  await requirePermission(session, "catalogue.read", code);
  const viewer = catalogueViewerOf(session);
  const prisma = await db();
  const wanted = typeof code === "string" ? code.trim().toUpperCase() : "";

  if (viewer.kind === "REGION") {
    const region = await prisma.region.findUnique({
      where: { id: viewer.regionId },
      select: { code: true, name: true, catalogueVersionId: true },
    });
    if (!region) throw notFound("统筹区");
    const version = await catalogueVersionOfRegion(prisma, region);
    if (!version || version.code !== wanted) throw notFound("指标目录");
    const catalogue = await loadRegionCatalogue(prisma, viewer.regionId);
    return {
      version: versionDto(catalogue.version),
      indicators: catalogue.indicators,
      region: { code: region.code, name: region.name },
      canExport: false,
      canManageLocal: can(session.roles, "indicator.local.manage"),
    };
  }

  const version = await prisma.catalogueVersion.findUnique({ where: { code: wanted } });
  if (!version) throw notFound("指标目录");
  const rows = await prisma.indicator.findMany({
    where: { catalogueVersionId: version.id, regionId: null },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  return {
    version: versionDto(version),
    indicators: rows.map((r) => ({ ...toIndicatorDef(r), id: r.id, local: false })),
    region: null,
    canExport: can(session.roles, "catalogue.manage"),
    canManageLocal: false,
  };
}

function versionDto(v: { code: string; name: string; description: string | null; reconstructed: boolean; createdAt: Date }) {
  return {
    code: v.code,
    name: v.name,
    description: v.description,
    reconstructed: v.reconstructed,
    builtIn: isBuiltInCatalogue(v.code),
    createdAt: v.createdAt.toISOString(),
  };
}
