import type { MetricRow } from "@/app/_domain/metrics/compute-metrics";
import type { Scheme } from "@/app/_domain/catalogue";
import { can } from "@/app/_domain/permissions";
import type { Period } from "@/app/_domain/periods";
import { actorOf, recordAudit } from "../audit/record-audit";
import type { Session } from "../auth/session";
import { db } from "../db";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { notFound } from "../errors";
import { canonicalNumericText } from "../sheets/sheet-values-store";

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
export async function readStoredRows(
  client: Db,
  regionId: string,
  periods: readonly Period[],
  options: { scope?: "REGION" | "INSTITUTION" | "ALL"; indicators?: readonly string[]; scheme?: Scheme } = {},
): Promise<MetricRow[]> {
  const scope = options.scope ?? "ALL";
  const params: unknown[] = [regionId, [...periods]];
  let where = `m."regionId" = $1 AND m."period" = ANY($2::text[])`;
  if (scope === "REGION") where += ` AND m."institutionId" IS NULL`;
  if (scope === "INSTITUTION") where += ` AND m."institutionId" IS NOT NULL`;
  if (options.indicators) {
    params.push([...options.indicators]);
    where += ` AND m."indicatorCode" = ANY($${params.length}::text[])`;
  }
  if (options.scheme) {
    params.push(options.scheme);
    where += ` AND m."scheme" = $${params.length}::"Scheme"`;
  }
  const rows = await client.$queryRawUnsafe<
    { p: string; c: string; s: Scheme; i: string | null; y: string | null; m: string | null; py: string | null; yo: string | null; mo: string | null }[]
  >(
    `SELECT m."period" AS p, m."indicatorCode" AS c, m."scheme"::text AS s, i."code" AS i, m."ytd"::text AS y, m."month"::text AS m,
            m."prevYearYtd"::text AS py, m."yoy"::text AS yo, m."mom"::text AS mo
       FROM "MetricValue" m LEFT JOIN "Institution" i ON i."id" = m."institutionId"
      WHERE ${where} ORDER BY m."id"`,
    ...params,
  );
  const num = (t: string | null) => (t === null ? null : canonicalNumericText(t));
  return rows.map((r) => ({
    period: r.p,
    indicatorCode: r.c,
    scheme: r.s,
    institutionCode: r.i,
    ytd: num(r.y),
    month: num(r.m),
    prevYearYtd: num(r.py),
    yoy: num(r.yo),
    mom: num(r.mo),
    lineage: { formula: null, inputs: [] },
  }));
}
