import type { MetricRow } from "@/app/_domain/metrics/compute-metrics";
import type { Period } from "@/app/_domain/periods";
import { readMetricValues, type MetricQuery } from "./metric-store";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The months of a region that have metrics, newest first: those with an accepted sheet (recomputeMetrics stores
 * exactly those months). Read from the sheets, a few rows, rather than from the stored values.
 */
export async function metricPeriods(client: Db, regionId: string): Promise<Period[]> {
  const sheets = await client.sheet.findMany({
    where: { regionId, versions: { some: { status: "ACCEPTED" } } },
    select: { period: true },
    orderBy: { period: "desc" },
  });
  return sheets.map((s) => s.period);
}

/**
 * Stored metric rows as the domain's MetricRow (lineage left empty: getMetricLineage recomputes it for one value).
 * `scope` picks region rows, institution rows or both; `indicators` narrows to some codes.
 */
export async function readStoredRows(
  client: Db,
  regionId: string,
  periods: readonly Period[],
  options: MetricQuery = {},
): Promise<MetricRow[]> {
  const institutions =
    options.scope === "REGION" ? [] : await client.institution.findMany({ where: { regionId }, select: { id: true, code: true } });
  const values = await readMetricValues(client, regionId, periods, new Map(institutions.map((i) => [i.id, i.code])), options);
  return values.map((v) => ({ ...v, lineage: { formula: null, inputs: [] } }));
}
