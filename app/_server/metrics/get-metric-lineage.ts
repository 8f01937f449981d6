import { computeRegionMetrics, type MetricLineage } from "@/app/_domain/metrics/compute-metrics";
import { parsePeriod } from "@/app/_domain/periods";
import { SCHEMES, type Scheme } from "@/app/_domain/catalogue";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { loadRegionCatalogue } from "../catalogue/region-catalogue";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { loadAcceptedWindow } from "./recompute-metrics";

/**
 * The lineage card of one number (the caller's own region): its formula and every input with its value, month
 * and the accepted sheet version it came from. Recomputed exactly from the accepted versions, for this one
 * value only (storing lineage for every value of a large region would take tens of megabytes a month).
 */
export async function getMetricLineage(
  session: Session,
  input: { period: string; indicator: string; scheme: string; institution?: string | null },
): Promise<{ value: { ytd: string | null; month: string | null; yoy: string | null; mom: string | null }; lineage: MetricLineage; formula: string | null; nameZh: string; unit: string }> {
  await requirePermission(session, "region.read");
  if (!session.regionId) throw notFound("统筹区");
  const p = parsePeriod(input.period ?? "");
  if (!p.ok) throw new AppError("INVALID", p.message);
  if (!(SCHEMES as readonly string[]).includes(input.scheme)) throw new AppError("INVALID", "险种无效。");
  const prisma = await db();
  const catalogue = await loadRegionCatalogue(prisma, session.regionId);
  const indicator = catalogue.indicators.find((i) => i.code === input.indicator);
  if (!indicator) throw notFound("指标");
  const institutions = await prisma.institution.findMany({ where: { regionId: session.regionId }, select: { id: true, code: true, level: true } });
  const target = input.institution ? institutions.find((i) => i.code === input.institution) : null;
  if (input.institution && !target) throw notFound("医疗机构");
  const accepted = await loadAcceptedWindow(prisma, session.regionId, [p.period], new Map(institutions.map((i) => [i.id, i.code])));
  if (!accepted.has(p.period)) throw new AppError("NOT_FOUND", "该月份尚无审核通过的数据。");
  const rows = computeRegionMetrics({
    catalogue: catalogue.indicators,
    institutions: target ? [{ code: target.code, level: target.level }] : [],
    accepted,
    periods: [p.period],
  });
  const row = rows.find((r) => r.indicatorCode === indicator.code && r.scheme === (input.scheme as Scheme) && r.institutionCode === (target?.code ?? null));
  if (!row) throw notFound("指标值");
  return { value: { ytd: row.ytd, month: row.month, yoy: row.yoy, mom: row.mom }, lineage: row.lineage, formula: indicator.formula, nameZh: indicator.nameZh, unit: indicator.unit };
}
