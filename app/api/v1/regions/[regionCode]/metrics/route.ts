import { regionMetricsQuerySchema, regionParamsSchema } from "@/app/_domain/schemas/metrics";
import { apiRoute } from "@/app/_server/http/api-route";
import { getRegionMetricsForPeriod } from "@/app/_server/metrics/get-region-metrics";

/** GET ?period=YYYY-MM or ?period=2025Q2 → { region, period, catalogue, values: [...] } (fields: docs/metrics.md). */
export const GET = apiRoute(
  { summary: "一个统筹区一个月或一个季度的指标值（docs/product.md §4，字段见 docs/metrics.md）", auth: "session-or-token", params: regionParamsSchema, query: regionMetricsQuerySchema },
  ({ session, params, query }) => getRegionMetricsForPeriod(session, { regionCode: params.regionCode, period: query.period }),
);
