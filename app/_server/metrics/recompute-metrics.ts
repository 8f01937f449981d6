import { computeRegionMetrics, type AcceptedSheet } from "@/app/_domain/metrics/compute-metrics";
import { addMonths, comparePeriods, type Period } from "@/app/_domain/periods";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { loadRegionCatalogue } from "../catalogue/region-catalogue";
import { readSheetValues } from "../sheets/sheet-values-store";

type Db = PrismaClient | Prisma.TransactionClient;

/** The accepted sheets a computation of `targets` reads: each month and the 13 before it. */
export async function loadAcceptedWindow(db: Db, regionId: string, targets: readonly Period[], codeOf: Map<string, string>) {
  const window = new Set<Period>();
  for (const p of targets) for (let k = 0; k <= 13; k++) window.add(addMonths(p, -k));
  const versions = await db.sheetVersion.findMany({
    where: { status: "ACCEPTED", sheet: { regionId, period: { in: [...window] } } },
    select: { id: true, sheet: { select: { period: true } } },
  });
  const accepted = new Map<Period, AcceptedSheet>();
  for (const v of versions) {
    const rows = (await readSheetValues(db, v.id)).map((r) => ({
      indicatorCode: r.indicatorCode,
      scheme: r.scheme,
      institutionCode: r.institutionId ? (codeOf.get(r.institutionId) ?? null) : null,
      value: r.value,
    }));
    accepted.set(v.sheet.period, { versionId: v.id, rows });
  }
  return accepted;
}

/**
 * Computes and stores the metrics of a region for the given months from its accepted sheets, replacing what
 * was stored for those months. Each month needs the 13 months before it (month values, month-on-month,
 * year-on-year), which are loaded alongside. Not a use case: callers authorise (accepting a sheet, the
 * recompute command).
 */
export async function recomputeMetrics(db: Db, regionId: string, periods: readonly Period[]): Promise<{ periods: Period[]; rows: number }> {
  const targets = [...new Set(periods)].sort(comparePeriods);
  if (!targets.length) return { periods: [], rows: 0 };
  const catalogue = await loadRegionCatalogue(db, regionId);
  const institutions = await db.institution.findMany({ where: { regionId }, orderBy: { code: "asc" }, select: { id: true, code: true, level: true } });
  const codeOf = new Map(institutions.map((i) => [i.id, i.code]));
  const idOf = new Map(institutions.map((i) => [i.code, i.id]));
  const accepted = await loadAcceptedWindow(db, regionId, targets, codeOf);
  // Only months with an accepted sheet have metrics; the others are cleared.
  const computed = targets.filter((p) => accepted.has(p));
  const rows = computed.length
    ? computeRegionMetrics({ catalogue: catalogue.indicators, institutions: institutions.map((i) => ({ code: i.code, level: i.level })), accepted, periods: computed })
    : [];
  await db.$executeRawUnsafe(`DELETE FROM "MetricValue" WHERE "regionId" = $1 AND "period" = ANY($2::text[])`, regionId, targets);
  const CHUNK = 20_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await db.$executeRawUnsafe(
      `INSERT INTO "MetricValue" ("regionId", "period", "indicatorCode", "scheme", "institutionId", "ytd", "month", "prevYearYtd", "yoy", "mom", "lineage")
       SELECT $1, p, c, s::"Scheme", i, y::numeric, m::numeric, py::numeric, yo::numeric, mo::numeric, l::jsonb
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
           AS t(p, c, s, i, y, m, py, yo, mo, l)`,
      regionId,
      part.map((r) => r.period),
      part.map((r) => r.indicatorCode),
      part.map((r) => r.scheme),
      part.map((r) => (r.institutionCode ? (idOf.get(r.institutionCode) ?? null) : null)),
      part.map((r) => r.ytd),
      part.map((r) => r.month),
      part.map((r) => r.prevYearYtd),
      part.map((r) => r.yoy),
      part.map((r) => r.mom),
      // Lineage is not stored: it runs to tens of megabytes a month for a large region, and getMetricLineage
      // recomputes it exactly, for one value, from the same accepted versions.
      part.map(() => null),
    );
  }
  return { periods: computed, rows: rows.length };
}

/** The months whose metrics read month P's accepted values: P, the next month, and the same two a year later. */
export const monthsDependingOn = (p: Period): Period[] => [p, addMonths(p, 1), addMonths(p, 12), addMonths(p, 13)];

/** Every month of the region with an accepted sheet, recomputed from scratch, a year at a time. */
export async function recomputeRegion(db: Db, regionId: string): Promise<{ periods: number; rows: number }> {
  const sheets = await db.sheet.findMany({ where: { regionId, versions: { some: { status: "ACCEPTED" } } }, select: { period: true }, orderBy: { period: "asc" } });
  let rows = 0;
  for (let i = 0; i < sheets.length; i += 12) rows += (await recomputeMetrics(db, regionId, sheets.slice(i, i + 12).map((s) => s.period))).rows;
  await db.$executeRawUnsafe(`DELETE FROM "MetricValue" WHERE "regionId" = $1 AND NOT ("period" = ANY($2::text[]))`, regionId, sheets.map((s) => s.period));
  return { periods: sheets.length, rows };
}
