import { draftNarrative, narrativePeriodLabel } from "@/app/_domain/metrics/narrative";
import { periodFlags } from "@/app/_domain/metrics/period-flags";
import { can } from "@/app/_domain/permissions";
import { isPeriod, isQuarterEnd, type Period } from "@/app/_domain/periods";
import type { Session } from "../auth/session";
import { loadRegionCatalogue } from "../catalogue/region-catalogue";
import { db } from "../db";
import { AppError } from "../errors";
import { metricPeriods, readStoredRows } from "./metric-region";
import { readableRegion } from "../auth/readable-region";

/** Paragraphs are kept as text separated by a blank line. */
export const joinParagraphs = (paragraphs: readonly string[]) => paragraphs.join("\n\n");

/**
 * The 智能解读 of a region's quarter: the machine draft written now from the stored metrics and anomaly flags
 * (narrative.ts), the saved text if the data group has edited and saved one, and every saved version (newest
 * first). Readers as for getRegionMetrics; `canEdit` says whether the caller may save (narrative.edit, own
 * region only).
 */
export async function getNarrative(session: Session, input: { regionCode?: string | null; period?: string | null }) {
  const region = await readableRegion(session, input.regionCode, "narrative.read");
  const prisma = await db();
  const quarters = (await metricPeriods(prisma, region.id)).filter(isQuarterEnd);
  if (input.period && !(isPeriod(input.period) && isQuarterEnd(input.period)))
    throw new AppError("INVALID", "请选择季度末月份（3、6、9、12月）。");
  const period: Period | null = input.period && quarters.includes(input.period) ? input.period : (quarters[0] ?? null);
  const canEdit = can(session.roles, "narrative.edit") && session.regionId === region.id;
  const base = { region: { code: region.code, name: region.name }, quarters, canEdit };
  if (!period) return { ...base, period: null, label: null, drafted: "", saved: null, versions: [] };

  const [catalogue, institutions, rows, draft] = await Promise.all([
    loadRegionCatalogue(prisma, region.id),
    prisma.institution.findMany({ where: { regionId: region.id }, orderBy: { code: "asc" }, select: { code: true, level: true } }),
    readStoredRows(prisma, region.id, [period]),
    prisma.narrativeDraft.findUnique({
      where: { regionId_period: { regionId: region.id, period } },
      include: {
        updatedBy: { select: { displayName: true } },
        versions: { orderBy: { version: "desc" }, include: { author: { select: { displayName: true } } } },
      },
    }),
  ]);
  // (The narrative counts the flags: their texts are not written.)
  const flags = periodFlags({ catalogue: catalogue.indicators, institutions, rows, texts: false });
  const drafted = joinParagraphs(
    draftNarrative({ regionName: region.name, quarterEnd: period, rows, catalogue: catalogue.indicators, flags }),
  );
  return {
    ...base,
    period,
    label: narrativePeriodLabel(period),
    drafted,
    saved: draft
      ? { text: draft.text, version: draft.version, author: draft.updatedBy.displayName, updatedAt: draft.updatedAt.toISOString() }
      : null,
    versions: (draft?.versions ?? []).map((v) => ({
      version: v.version,
      text: v.text,
      author: v.author.displayName,
      createdAt: v.createdAt.toISOString(),
    })),
  };
}
