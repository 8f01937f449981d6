import { computeRegionMetrics, type MetricLineage } from "@/app/_domain/metrics/compute-metrics";
import { metricQuerySchema } from "@/app/_domain/schemas/metrics";
import type { Session } from "../auth/session";
import { loadRegionCatalogue } from "../catalogue/region-catalogue";
import { db } from "../db";
import { AppError, fromZod, notFound } from "../errors";
import { readableRegion } from "../auth/readable-region";
import { loadAcceptedWindow } from "./recompute-metrics";

/**
 * The lineage card of one number: its formula and every input with its value, month and the accepted sheet
 * version it came from. Recomputed exactly from the accepted versions, for this one value only (storing lineage
 * for every value of a large region would take tens of megabytes a month). The region is the caller's own, or
 * for a supervisor one of the province's (`regionCode`); anyone else gets "not found".
 */
export async function getMetricLineage(
  session: Session,
  input: { period: string; indicator: string; scheme: string; institution?: string | null; regionCode?: string | null },
): Promise<{
  value: { ytd: string | null; month: string | null; yoy: string | null; mom: string | null };
  lineage: MetricLineage;
  formula: string | null;
  nameZh: string;
  unit: string;
  basis: string;
  prevYearYtd: string | null;
  /** Names and units of the codes in the lineage. */
  indicators: Record<string, { nameZh: string; unit: string }>;
  /** The accepted sheet versions the inputs came from: id → month and version number. */
  versions: Record<string, { period: string; version: number }>;
}> {
  const region = await readableRegion(session, input.regionCode, "metrics.lineage", input.institution ? "institutions" : "region");
  const parsed = metricQuerySchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const p = parsed.data;
  const prisma = await db();
  const catalogue = await loadRegionCatalogue(prisma, region.id);
  const indicator = catalogue.indicators.find((i) => i.code === input.indicator);
  if (!indicator) throw notFound("指标");
  const institutions = await prisma.institution.findMany({ where: { regionId: region.id }, select: { id: true, code: true, level: true } });
  const target = input.institution ? institutions.find((i) => i.code === input.institution) : null;
  if (input.institution && !target) throw notFound("医疗机构");
  const window = await loadAcceptedWindow(
    prisma,
    region.id,
    [p.period],
    new Map(institutions.map((i) => [i.id, i.code])),
    catalogue.indicators,
  );
  if (!window.accepted.has(p.period)) throw new AppError("NOT_FOUND", "该月份尚无审核通过的数据。");
  const rows = computeRegionMetrics({
    catalogue: catalogue.indicators,
    institutions: target ? [{ code: target.code, level: target.level }] : [],
    ...window,
    periods: [p.period],
  });
  const row = rows.find((r) => r.indicatorCode === indicator.code && r.scheme === p.scheme && r.institutionCode === (target?.code ?? null));
  if (!row) throw notFound("指标值");
  const indicators: Record<string, { nameZh: string; unit: string }> = {};
  for (const e of row.lineage.inputs) {
    const def = catalogue.indicators.find((i) => i.code === e.code);
    if (def) indicators[e.code] = { nameZh: def.nameZh, unit: def.unit };
  }
  const ids = [...new Set(row.lineage.inputs.map((e) => e.versionId).filter((v): v is string => v !== null))];
  const found = ids.length
    ? await prisma.sheetVersion.findMany({
        where: { id: { in: ids } },
        select: { id: true, version: true, sheet: { select: { period: true } } },
      })
    : [];
  const versions = Object.fromEntries(found.map((v) => [v.id, { period: v.sheet.period, version: v.version }]));
  return {
    value: { ytd: row.ytd, month: row.month, yoy: row.yoy, mom: row.mom },
    lineage: row.lineage,
    formula: indicator.formula,
    nameZh: indicator.nameZh,
    unit: indicator.unit,
    basis: indicator.basis,
    prevYearYtd: row.prevYearYtd,
    indicators,
    versions,
  };
}
