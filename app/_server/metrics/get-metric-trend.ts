import { makePeriod, yearMonth } from "@/app/_domain/periods";
import { metricQuerySchema } from "@/app/_domain/schemas/metrics";
import type { Session } from "../auth/session";
import { loadRegionCatalogue } from "../catalogue/region-catalogue";
import { db } from "../db";
import { fromZod, notFound } from "../errors";
import { readStoredRows } from "./metric-region";
import { readableRegion } from "../auth/readable-region";

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
  const parsed = metricQuerySchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const { period, scheme } = parsed.data;
  const prisma = await db();
  const catalogue = await loadRegionCatalogue(prisma, region.id);
  const def = catalogue.indicators.find((i) => i.code === input.indicator && i.scope === "REGION");
  if (!def || !def.schemes.includes(scheme)) throw notFound("指标");
  const { year } = yearMonth(period);
  const months = (y: number) => Array.from({ length: 12 }, (_, k) => makePeriod(y, k + 1));
  const rows = await readStoredRows(prisma, region.id, [...months(year - 1), ...months(year)], {
    scope: "REGION",
    indicators: [def.code],
    scheme,
  });
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const view = def.basis === "FLOW" && input.view !== "ytd" ? "month" : "ytd";
  const series = (y: number) =>
    months(y).map((p) => (view === "month" ? (byPeriod.get(p)?.month ?? null) : (byPeriod.get(p)?.ytd ?? null)));
  return {
    indicator: { code: def.code, nameZh: def.nameZh, unit: def.unit, basis: def.basis },
    scheme,
    view,
    year,
    thisYear: series(year),
    lastYear: series(year - 1),
  };
}
