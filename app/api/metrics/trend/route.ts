import { metricCellQuerySchema } from "@/app/_domain/schemas/metrics";
import { apiRoute } from "@/app/_server/http/api-route";
import { getMetricTrend } from "@/app/_server/metrics/get-metric-trend";

/** GET: this year's and last year's months of one region indicator, for the trend chart. */
export const GET = apiRoute(
  { summary: "一个区域指标本年与上年逐月的值（趋势图）", auth: "session", query: metricCellQuerySchema },
  ({ session, query }) => getMetricTrend(session, { ...query, view: query.view === "ytd" ? "ytd" : "month" }),
);
