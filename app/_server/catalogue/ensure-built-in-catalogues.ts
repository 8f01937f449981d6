import { BUILT_IN_CATALOGUES } from "@/app/_domain/catalogues";
import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { indicatorCreateMany } from "./indicator-rows";

/**
 * Run at every start, right after the migrations, in every deployment (not only the demo): creates each
 * built-in catalogue version that the database does not have yet, with its indicators and an audit row, in
 * one transaction. An existing version is never modified, even if the shipped definition differs: regions'
 * sheets were validated against what is stored. A changed catalogue ships as a new version code.
 */
export async function ensureBuiltInCatalogues(prisma: PrismaClient): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const def of BUILT_IN_CATALOGUES) {
    if (await prisma.catalogueVersion.findUnique({ where: { code: def.code }, select: { id: true } })) continue;
    try {
      await prisma.$transaction(
        async (tx) => {
          const version = await tx.catalogueVersion.create({
            data: { code: def.code, name: def.name, description: def.description, reconstructed: def.reconstructed },
          });
          await tx.indicator.createMany({ data: indicatorCreateMany(def.indicators, version.id) });
          await recordAudit(
            tx,
            { username: "system" },
            {
              action: "catalogue.builtin.create",
              objectType: "CatalogueVersion",
              objectId: version.id,
              detail: { code: def.code, indicators: def.indicators.length, reconstructed: def.reconstructed },
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
