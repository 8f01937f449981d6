import { can } from "@/app/_domain/permissions";
import { parsePeriod } from "@/app/_domain/periods";
import { canonicalDecimal, SheetDecimal } from "@/app/_domain/sheets/sheet-decimal";
import type { Scheme } from "@/app/_domain/catalogue";
import { actorOf, recordAudit } from "../audit/record-audit";
import type { Session } from "../auth/session";
import { loadRegionCatalogue } from "../catalogue/region-catalogue";
import { db } from "../db";
import { AppError, notFound } from "../errors";

export interface MetricValueDto {
  indicator: string;
  scheme: Scheme;
  institution: string | null;
  ytd: string | null;
  month: string | null;
  prevYearYtd: string | null;
  yoy: string | null;
  mom: string | null;
}

/**
 * GET /api/v1/regions/{regionCode}/metrics?period=YYYY-MM (PRODUCT.md §4): the stored metrics of one month.
 * Region staff read their own region, supervisors the regions of their province; anyone else — hospital users
 * included — gets "not found", whether or not the region exists (hospitals read published snapshots only).
 */
export async function getRegionMetrics(session: Session, input: { regionCode: string; period: string }) {
  const prisma = await db();
  const region = await prisma.region.findUnique({ where: { code: String(input.regionCode ?? "") } });
  const allowed =
    region &&
    ((can(session.roles, "region.read") && session.regionId === region.id) || (can(session.roles, "province.read") && session.provinceId === region.provinceId));
  if (!allowed) {
    await prisma.$transaction((tx) =>
      recordAudit(tx, actorOf(session), { action: "access.denied", result: "DENIED", objectType: "metrics.read", objectId: String(input.regionCode ?? "").slice(0, 20) }),
    );
    throw notFound("统筹区");
  }
  const p = parsePeriod(input.period ?? "");
  if (!p.ok) throw new AppError("INVALID", p.message);
  const [catalogue, institutions, rows] = await Promise.all([
    loadRegionCatalogue(prisma, region.id),
    prisma.institution.findMany({ where: { regionId: region.id }, select: { id: true, code: true } }),
    prisma.$queryRawUnsafe<{ indicatorCode: string; scheme: Scheme; institutionId: string | null; ytd: string | null; month: string | null; prevYearYtd: string | null; yoy: string | null; mom: string | null }[]>(
      `SELECT "indicatorCode", "scheme"::text AS "scheme", "institutionId", "ytd"::text AS "ytd", "month"::text AS "month",
              "prevYearYtd"::text AS "prevYearYtd", "yoy"::text AS "yoy", "mom"::text AS "mom"
         FROM "MetricValue" WHERE "regionId" = $1 AND "period" = $2 ORDER BY "id"`,
      region.id,
      p.period,
    ),
  ]);
  if (!rows.length) throw new AppError("NOT_FOUND", `${region.name}${p.period} 尚无审核通过的数据，没有可读的指标值。`);
  const codeOf = new Map(institutions.map((i) => [i.id, i.code]));
  const dec = (v: string | null) => (v === null ? null : canonicalDecimal(new SheetDecimal(v)));
  return {
    region: region.code,
    period: p.period,
    catalogue: catalogue.version.code,
    values: rows.map<MetricValueDto>((r) => ({
      indicator: r.indicatorCode,
      scheme: r.scheme,
      institution: r.institutionId ? (codeOf.get(r.institutionId) ?? null) : null,
      ytd: dec(r.ytd),
      month: dec(r.month),
      prevYearYtd: dec(r.prevYearYtd),
      yoy: dec(r.yoy),
      mom: dec(r.mom),
    })),
  };
}
