import type { CatalogueDef } from "@/app/_domain/catalogue";
import { checkCatalogueFormulas } from "@/app/_domain/catalogues/check-catalogue";
import type { Prisma } from "../generated/prisma/client";
import { indicatorData, toIndicatorDef } from "./indicator-rows";

export interface CarriedLocals {
  /** Region code → how many local indicators were copied into the new version. */
  copied: Record<string, number>;
  /** Regions kept on the previous version: a local indicator's code or formula does not fit the new one. */
  pinned: string[];
}

/**
 * A new built-in version becomes the default of every region without an explicit catalogue. Their local
 * indicators (地方增选) are rows of the version they were added to, so without this step they would vanish
 * from those regions' sheets and screens. Each such region's local indicators are copied into the new version
 * (same codes, so sheets keep matching), unless one's code is now a national code or a formula no longer
 * checks: then the region is set to the previous version explicitly, as it was, for an operator to decide.
 * The previous version's rows stay: sheets checked against it still read them.
 */
export async function carryLocalIndicators(
  tx: Prisma.TransactionClient,
  from: { id: string },
  to: { id: string; def: CatalogueDef },
): Promise<CarriedLocals> {
  const carried: CarriedLocals = { copied: {}, pinned: [] };
  const regions = await tx.region.findMany({
    where: { catalogueVersionId: null },
    select: { id: true, code: true },
    orderBy: { code: "asc" },
  });
  for (const region of regions) {
    const rows = await tx.indicator.findMany({
      where: { catalogueVersionId: from.id, regionId: region.id },
      orderBy: { sortOrder: "asc" },
    });
    if (!rows.length) continue;
    const locals = rows.map(toIndicatorDef);
    const national = new Set(to.def.indicators.map((i) => i.code));
    if (locals.some((l) => national.has(l.code)) || checkCatalogueFormulas(locals, to.def.indicators).length) {
      await tx.region.update({ where: { id: region.id }, data: { catalogueVersionId: from.id } });
      carried.pinned.push(region.code);
      continue;
    }
    await tx.indicator.createMany({
      data: rows.map((r, i) => ({ ...indicatorData(locals[i]!), catalogueVersionId: to.id, regionId: region.id, sortOrder: r.sortOrder })),
    });
    carried.copied[region.code] = rows.length;
  }
  return carried;
}
