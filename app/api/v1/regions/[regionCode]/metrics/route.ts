import { regionMetricsQuerySchema, regionParamsSchema } from "@/app/_domain/schemas/metrics";
import { apiRoute } from "@/app/_server/http/api-route";
import { getRegionMetrics } from "@/app/_server/metrics/get-region-metrics";

/** GET ?period=YYYY-MM → { region, period, catalogue, values: [{ indicator, scheme, institution, ytd, month, prevYearYtd, yoy, mom }] }. */
export const GET = apiRoute(
  { summary: "一个统筹区一个月的指标值（PRODUCT.md §4）", auth: "session-or-token", params: regionParamsSchema, query: regionMetricsQuerySchema },
  ({ session, params, query }) => getRegionMetrics(session, { regionCode: params.regionCode, period: query.period }),
);
