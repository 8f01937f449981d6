import { regionMetricsQuerySchema, regionMetricsResponseSchema, regionParamsSchema } from "@/app/_domain/schemas/metrics";
import { apiRoute } from "@/app/_server/http/api-route";
import { getRegionMetricsForPeriod } from "@/app/_server/metrics/get-region-metrics";

/** GET ?period=YYYY-MM or ?period=2025Q2 → { region, period, catalogue, values: [...] } (fields: docs/metrics.md). */
export const GET = apiRoute(
  {
    summary: "一个统筹区一个月或一个季度的指标值（docs/product.md §4，字段见 docs/metrics.md）",
    description:
      "period 为月份 YYYY-MM 或季度 YYYYQn（如 2025Q2，按季末月份读取）。本统筹区工作人员读本统筹区，省级监管读本省各统筹区；其他统筹区答 404。该期尚无审核通过的数据时也答 404。",
    auth: "session-or-token",
    params: regionParamsSchema,
    query: regionMetricsQuerySchema,
    response: regionMetricsResponseSchema,
  },
  ({ session, params, query }) => getRegionMetricsForPeriod(session, { regionCode: params.regionCode, period: query.period }),
);
