import { metricCellQuerySchema } from "@/app/_domain/schemas/metrics";
import { apiRoute } from "@/app/_server/http/api-route";
import { getMetricLineage } from "@/app/_server/metrics/get-metric-lineage";

/** GET: the lineage card of one number (formula, inputs, source sheet versions) for the 指标分析 page. */
export const GET = apiRoute(
  { summary: "一个指标值的来源：公式、输入值及其底稿版本", auth: "session", query: metricCellQuerySchema },
  ({ session, query }) => getMetricLineage(session, query),
);
