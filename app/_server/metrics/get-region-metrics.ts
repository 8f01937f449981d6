import { parsePeriod, parseQuarter } from "@/app/_domain/periods";
import type { Scheme } from "@/app/_domain/catalogue";
import { readableRegion } from "../auth/readable-region";
import type { Session } from "../auth/session";
import { loadRegionCatalogue } from "../catalogue/region-catalogue";
import { db } from "../db";
import { AppError } from "../errors";
import { readMetricValues } from "./metric-store";

/** One value of a month (period=YYYY-MM). docs/metrics.md defines every field. */
export interface MetricValueDto {
  indicator: string;
  scheme: Scheme;
  institution: string | null;
  ytd: string | null;
  month: string | null;
  prevYearYtd: string | null;
  yoy: string | null;
  mom: string | null;
  yoyDiff: string | null;
  momDiff: string | null;
}

/** One value of a quarter (period=YYYY'Q'n), read from the quarter's last month. */
export interface QuarterMetricValueDto {
  indicator: string;
  scheme: Scheme;
  institution: string | null;
  quarter: string | null;
  prevYearQuarter: string | null;
  ytd: string | null;
  prevYearYtd: string | null;
  yoy: string | null;
  quarterYoy: string | null;
  qoq: string | null;
  yoyDiff: string | null;
  quarterYoyDiff: string | null;
  qoqDiff: string | null;
}

/**
 * GET /api/v1/regions/{regionCode}/metrics?period=YYYY-MM or ?period=2025Q2 (docs/product.md §4, docs/metrics.md):
 * the stored metrics of one month, or the quarter fields of one quarter (stored with its last month: a quarter
 * is computable when its last month has an accepted sheet). Region staff read their own region, supervisors
 * the regions of their province; anyone else — hospital users included — gets "not found", whether or not the
 * region exists (hospitals read published snapshots only).
 */
export async function getRegionMetrics(session: Session, input: { regionCode: string; period: string }) {
  const r = await readRegionMetrics(session, input);
  if (r.kind === "quarter") throw new AppError("INVALID", "此处需要月份 YYYY-MM，季度请用 getRegionQuarterMetrics");
  return r.body;
}

/** The same for a quarter: period "2025Q2". */
export async function getRegionQuarterMetrics(session: Session, input: { regionCode: string; period: string }) {
  const r = await readRegionMetrics(session, input);
  if (r.kind === "month") throw new AppError("INVALID", `季度“${input.period}”格式不正确，应为 YYYYQn（如 2025Q2）`);
  return r.body;
}

/** Either shape, by the period's spelling: what the API route answers. */
export async function getRegionMetricsForPeriod(session: Session, input: { regionCode: string; period: string }) {
  return (await readRegionMetrics(session, input)).body;
}

async function readRegionMetrics(session: Session, input: { regionCode: string; period: string }) {
  // The caller's scope, through the guard (pending sessions refused; outsiders "not found").
  const region = await readableRegion(session, String(input.regionCode ?? ""), "metrics.read");
  const prisma = await db();
  const quarter = parseQuarter(input.period ?? "");
  const p = quarter ? { ok: true as const, period: quarter.end } : parsePeriod(input.period ?? "");
  if (!p.ok) throw new AppError("INVALID", `${p.message}，或季度 YYYYQn（如 2025Q2）`);
  const [catalogue, institutions] = await Promise.all([
    loadRegionCatalogue(prisma, region.id),
    prisma.institution.findMany({ where: { regionId: region.id }, select: { id: true, code: true } }),
  ]);
  const rows = await readMetricValues(prisma, region.id, [p.period], new Map(institutions.map((i) => [i.id, i.code])));
  if (!rows.length) {
    const what = quarter ? `${quarter.year}年第${quarter.quarter}季度（季末 ${p.period}）` : p.period;
    throw new AppError("NOT_FOUND", `${region.name}${what} 尚无审核通过的数据，没有可读的指标值。`);
  }
  const head = { region: region.code, catalogue: catalogue.version.code };
  if (quarter) {
    const body = {
      ...head,
      period: `${quarter.year}Q${quarter.quarter}`,
      quarterEnd: p.period,
      values: rows.map<QuarterMetricValueDto>((r) => ({
        indicator: r.indicatorCode,
        scheme: r.scheme,
        institution: r.institutionCode,
        quarter: r.quarter,
        prevYearQuarter: r.prevYearQuarter,
        ytd: r.ytd,
        prevYearYtd: r.prevYearYtd,
        yoy: r.yoy,
        quarterYoy: r.quarterYoy,
        qoq: r.qoq,
        yoyDiff: r.yoyDiff,
        quarterYoyDiff: r.quarterYoyDiff,
        qoqDiff: r.qoqDiff,
      })),
    };
    return { kind: "quarter" as const, body };
  }
  const body = {
    ...head,
    period: p.period,
    values: rows.map<MetricValueDto>((r) => ({
      indicator: r.indicatorCode,
      scheme: r.scheme,
      institution: r.institutionCode,
      ytd: r.ytd,
      month: r.month,
      prevYearYtd: r.prevYearYtd,
      yoy: r.yoy,
      mom: r.mom,
      yoyDiff: r.yoyDiff,
      momDiff: r.momDiff,
    })),
  };
  return { kind: "month" as const, body };
}
