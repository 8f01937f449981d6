import { SCHEMES, type Scheme } from "@/app/_domain/catalogue";
import { isPeriod, makePeriod, yearMonth } from "@/app/_domain/periods";
import type { Session } from "../auth/session";
import { loadRegionCatalogue } from "../catalogue/region-catalogue";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { readableRegion, readStoredRows } from "./metric-region";

/**
 * The trend chart of the 指标分析 page: the twelve months of one region-level indicator × scheme in the year of
 * `period` and in the year before, as stored. A FLOW indicator gives its month values (当月) or its year-to-date
 * values (累计), anything else its period value. null where a month has no value (the chart leaves a gap).
 */
export async function getMetricTrend(
  session: Session,
  input: { regionCode?: string | null; period: string; indicator: string; scheme: string; view?: "month" | "ytd" },
) {
  const region = await readableRegion(session, input.regionCode, "metrics.trend");
  if (!isPeriod(input.period)) throw new AppError("INVALID", "期间格式不正确。");
  if (!(SCHEMES as readonly string[]).includes(input.scheme)) throw new AppError("INVALID", "险种无效。");
  const prisma = await db();
  const catalogue = await loadRegionCatalogue(prisma, region.id);
  const def = catalogue.indicators.find((i) => i.code === input.indicator && i.scope === "REGION");
  if (!def || !def.schemes.includes(input.scheme as Scheme)) throw notFound("指标");
  const { year } = yearMonth(input.period);
  const months = (y: number) => Array.from({ length: 12 }, (_, k) => makePeriod(y, k + 1));
  const rows = await readStoredRows(prisma, region.id, [...months(year - 1), ...months(year)], { scope: "REGION", indicators: [def.code], scheme: input.scheme as Scheme });
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const view = def.basis === "FLOW" && input.view !== "ytd" ? "month" : "ytd";
  const series = (y: number) => months(y).map((p) => (view === "month" ? (byPeriod.get(p)?.month ?? null) : (byPeriod.get(p)?.ytd ?? null)));
  return {
    indicator: { code: def.code, nameZh: def.nameZh, unit: def.unit, basis: def.basis },
    scheme: input.scheme as Scheme,
    view,
    year,
    thisYear: series(year),
    lastYear: series(year - 1),
  };
}
