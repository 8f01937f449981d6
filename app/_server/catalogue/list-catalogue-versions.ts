import { isBuiltInCatalogue } from "@/app/_domain/catalogues";
import { can } from "@/app/_domain/permissions";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { notFound } from "../errors";
import { catalogueViewerOf } from "./catalogue-access";
import { defaultCatalogueVersion } from "./region-catalogue";

export interface CatalogueVersionDto {
  code: string;
  name: string;
  description: string | null;
  reconstructed: boolean;
  builtIn: boolean;
  /** The version regions without an explicit catalogue use. */
  isDefault: boolean;
  createdAt: string;
  regionIndicators: number;
  institutionIndicators: number;
  /** Regions using this version (set explicitly or by default); only for the system admin. */
  regionCount: number | null;
}

export interface CatalogueVersionList {
  versions: CatalogueVersionDto[];
  /** For a region's staff: their region and how many local indicators it has added. */
  region: { code: string; name: string; catalogueCode: string; localIndicators: number } | null;
  canImport: boolean;
}

/** The catalogue versions (newest first), or for a region's staff only the one their region uses. */
export async function listCatalogueVersions(session: Session): Promise<CatalogueVersionList> {
  await requirePermission(session, "catalogue.read");
  const viewer = catalogueViewerOf(session);
  const prisma = await db();
  const fallback = await defaultCatalogueVersion(prisma);

  let region: CatalogueVersionList["region"] = null;
  let only: string | undefined;
  if (viewer.kind === "REGION") {
    const r = await prisma.region.findUnique({
      where: { id: viewer.regionId },
      select: { code: true, name: true, catalogueVersionId: true },
    });
    if (!r) throw notFound("统筹区");
    only = r.catalogueVersionId ?? fallback?.id;
    if (!only) throw notFound("指标目录");
    const version = await prisma.catalogueVersion.findUniqueOrThrow({ where: { id: only }, select: { code: true } });
    const localIndicators = await prisma.indicator.count({ where: { catalogueVersionId: only, regionId: viewer.regionId } });
    region = { code: r.code, name: r.name, catalogueCode: version.code, localIndicators };
  }

  const versions = await prisma.catalogueVersion.findMany({
    where: only ? { id: only } : undefined,
    orderBy: [{ createdAt: "desc" }, { code: "asc" }],
  });
  const counts = await prisma.indicator.groupBy({ by: ["catalogueVersionId", "scope"], where: { regionId: null }, _count: { _all: true } });
  const count = (id: string, scope: "REGION" | "INSTITUTION") =>
    counts.find((c) => c.catalogueVersionId === id && c.scope === scope)?._count._all ?? 0;

  const isAdmin = can(session.roles, "catalogue.manage");
  let regionCounts = new Map<string | null, number>();
  if (isAdmin) {
    const byVersion = await prisma.region.groupBy({ by: ["catalogueVersionId"], _count: { _all: true } });
    regionCounts = new Map(byVersion.map((g) => [g.catalogueVersionId, g._count._all]));
  }
  return {
    versions: versions.map((v) => ({
      code: v.code,
      name: v.name,
      description: v.description,
      reconstructed: v.reconstructed,
      builtIn: isBuiltInCatalogue(v.code),
      isDefault: v.id === fallback?.id,
      createdAt: v.createdAt.toISOString(),
      regionIndicators: count(v.id, "REGION"),
      institutionIndicators: count(v.id, "INSTITUTION"),
      regionCount: isAdmin ? (regionCounts.get(v.id) ?? 0) + (v.id === fallback?.id ? (regionCounts.get(null) ?? 0) : 0) : null,
    })),
    region,
    canImport: isAdmin,
  };
}
