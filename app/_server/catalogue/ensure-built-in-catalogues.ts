import type { CatalogueDef } from "@/app/_domain/catalogue";
import { BUILT_IN_CATALOGUES, BUILT_IN_CATALOGUE_CODES } from "@/app/_domain/catalogues";
import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { carryLocalIndicators } from "./carry-local-indicators";
import { indicatorCreateMany } from "./indicator-rows";
import { defaultCatalogueVersion } from "./region-catalogue";

/**
 * Run at every start, right after the migrations, in every deployment (not only the demo): creates each
 * built-in catalogue version that the database does not have yet, with its indicators and an audit row, in
 * one transaction. An existing version is never modified, even if the shipped definition differs: regions'
 * sheets were validated against what is stored. A changed catalogue ships as a new version code.
 *
 * A version newer than the current default becomes the catalogue of every region without an explicit one
 * (their stored metrics follow when their months are recomputed, docs/metrics.md); their local indicators
 * come along (carryLocalIndicators). `catalogues` is for tests that start from an older deployment.
 */
export async function ensureBuiltInCatalogues(
  prisma: PrismaClient,
  catalogues: readonly CatalogueDef[] = BUILT_IN_CATALOGUES,
): Promise<{ created: string[] }> {
  const created: string[] = [];
  const rank = (code: string) => BUILT_IN_CATALOGUE_CODES.indexOf(code);
  for (const def of catalogues) {
    if (await prisma.catalogueVersion.findUnique({ where: { code: def.code }, select: { id: true } })) continue;
    try {
      await prisma.$transaction(
        async (tx) => {
          const previous = await defaultCatalogueVersion(tx);
          const version = await tx.catalogueVersion.create({
            data: { code: def.code, name: def.name, description: def.description, reconstructed: def.reconstructed },
          });
          await tx.indicator.createMany({ data: indicatorCreateMany(def.indicators, version.id) });
          const carried =
            previous && rank(previous.code) < rank(def.code)
              ? { previous: previous.code, ...(await carryLocalIndicators(tx, previous, { id: version.id, def })) }
              : null;
          await recordAudit(
            tx,
            { username: "system" },
            {
              action: "catalogue.builtin.create",
              objectType: "CatalogueVersion",
              objectId: version.id,
              detail: { code: def.code, indicators: def.indicators.length, reconstructed: def.reconstructed, ...(carried ?? {}) },
            },
          );
        },
        { timeout: 60_000 },
      );
      created.push(def.code);
    } catch (e) {
      // Another process created it between the check and the insert: that is the state we wanted.
      if ((e as { code?: string }).code === "P2002") continue;
      throw e;
    }
  }
  return { created };
}
