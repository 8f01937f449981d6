import { can } from "@/app/_domain/permissions";
import { parsePeriod } from "@/app/_domain/periods";
import type { Scheme } from "@/app/_domain/catalogue";
import { actorOf, recordAudit } from "../audit/record-audit";
import type { Session } from "../auth/session";
import { loadRegionCatalogue } from "../catalogue/region-catalogue";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { readMetricValues } from "./metric-store";

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
 * GET /api/v1/regions/{regionCode}/metrics?period=YYYY-MM (docs/product.md §4): the stored metrics of one month.
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
  const [catalogue, institutions] = await Promise.all([
    loadRegionCatalogue(prisma, region.id),
    prisma.institution.findMany({ where: { regionId: region.id }, select: { id: true, code: true } }),
  ]);
  const rows = await readMetricValues(prisma, region.id, [p.period], new Map(institutions.map((i) => [i.id, i.code])));
  if (!rows.length) throw new AppError("NOT_FOUND", `${region.name}${p.period} 尚无审核通过的数据，没有可读的指标值。`);
  return {
    region: region.code,
    period: p.period,
    catalogue: catalogue.version.code,
    values: rows.map<MetricValueDto>((r) => ({
      indicator: r.indicatorCode,
      scheme: r.scheme,
      institution: r.institutionCode,
      ytd: r.ytd,
      month: r.month,
      prevYearYtd: r.prevYearYtd,
      yoy: r.yoy,
      mom: r.mom,
    })),
  };
}
