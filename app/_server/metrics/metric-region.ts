import type { MetricRow } from "@/app/_domain/metrics/compute-metrics";
import { can } from "@/app/_domain/permissions";
import type { Period } from "@/app/_domain/periods";
import { actorOf, recordAudit } from "../audit/record-audit";
import type { Session } from "../auth/session";
import { db } from "../db";
import { readMetricValues, type MetricQuery } from "./metric-store";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { notFound } from "../errors";

/**
 * Which region a metrics screen reads (not a use case: the use cases call it first). Region staff read their own
 * region, supervisors the regions of their province (the first by code when none is named); anyone else —
 * hospital users included — is refused as "not found", audited, whether or not the region exists.
 */
export interface ReadableRegion {
  id: string;
  code: string;
  name: string;
  /** The regions the caller may switch between (a supervisor's province; region staff: their own). */
  choices: { code: string; name: string }[];
}

export async function readableRegion(caller: Session, regionCode: string | null | undefined, objectType: string): Promise<ReadableRegion> {
  const prisma = await db();
  const select = { id: true, code: true, name: true, provinceId: true } as const;
  const code = regionCode ? String(regionCode).slice(0, 20) : null;
  let region: { id: string; code: string; name: string; provinceId: string } | null = null;
  let choices: { code: string; name: string }[] = [];
  if (can(caller.roles, "region.read") && caller.regionId) {
    const own = await prisma.region.findUnique({ where: { id: caller.regionId }, select });
    if (own && (code === null || code === own.code)) region = own;
    choices = own ? [{ code: own.code, name: own.name }] : [];
  } else if (can(caller.roles, "province.read") && caller.provinceId) {
    const regions = await prisma.region.findMany({ where: { provinceId: caller.provinceId, active: true }, orderBy: { code: "asc" }, select });
    region = (code === null ? regions[0] : regions.find((r) => r.code === code)) ?? null;
    choices = regions.map((r) => ({ code: r.code, name: r.name }));
  }
  if (!region) {
    await prisma.$transaction((tx) => recordAudit(tx, actorOf(caller), { action: "access.denied", result: "DENIED", objectType, objectId: code ?? undefined }));
    throw notFound("统筹区");
  }
  return { id: region.id, code: region.code, name: region.name, choices };
}

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
export async function readStoredRows(client: Db, regionId: string, periods: readonly Period[], options: MetricQuery = {}): Promise<MetricRow[]> {
  const institutions = options.scope === "REGION" ? [] : await client.institution.findMany({ where: { regionId }, select: { id: true, code: true } });
  const values = await readMetricValues(client, regionId, periods, new Map(institutions.map((i) => [i.id, i.code])), options);
  return values.map((v) => ({ ...v, lineage: { formula: null, inputs: [] } }));
}
