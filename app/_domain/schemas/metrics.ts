import { z } from "@/app/_domain/zod";
import { SCHEMES } from "../catalogue";
import { parsePeriod, type Period } from "../periods";
import { optionalText } from "./common";

/** A month as YYYY-MM, with parsePeriod's precise message when it is not one. */
export const periodSchema = z.string().transform((text, ctx): Period => {
  const p = parsePeriod(text);
  if (p.ok) return p.period;
  ctx.addIssue({ code: "custom", message: p.message });
  return z.NEVER;
});

export const schemeSchema = z.enum(SCHEMES, { message: "险种无效。" });

/** The region of a metrics read: a supervisor names one of the province's; region staff may omit it. */
export const regionCodeSchema = z.string().max(20).nullish();

/** The path of /api/v1/regions/{regionCode}/…. */
export const regionParamsSchema = z.object({ regionCode: z.string().max(20).describe("统筹区编码，如 340100") });

/** GET /api/v1/regions/{regionCode}/metrics?period=YYYY-MM or YYYYQn (the use case reads the period). */
export const regionMetricsQuerySchema = z.object({
  period: z.string().max(20).default("").describe("月份 YYYY-MM 或季度 YYYYQn（如 2025Q2）"),
});

/** One number of the metrics table: the lineage card and the trend chart ask about it. */
export const metricQuerySchema = z.object({
  regionCode: regionCodeSchema,
  period: periodSchema,
  indicator: z.string().trim().min(1, "请指定指标。").max(40),
  scheme: schemeSchema,
  institution: z.string().trim().max(40).nullish(),
  view: z.enum(["month", "ytd"]).optional(),
});
export type MetricQueryInput = z.input<typeof metricQuerySchema>;

/**
 * GET /api/metrics/lineage and /api/metrics/trend: the same fields as query text. The use case parses them
 * with metricQuerySchema after its guard, so that a caller who may not read the region learns nothing more.
 */
export const metricCellQuerySchema = z.object({
  regionCode: optionalText(20),
  period: z.string().max(20).default(""),
  indicator: z.string().max(40).default(""),
  scheme: z.string().max(20).default(""),
  institution: optionalText(40),
  view: optionalText(10),
});

/** A stored number as canonical decimal text ("12345.67"; growth rates as fractions, 0.053 = 5.3 %), null when missing. */
const decimal = z.string().nullable();
const metricKey = {
  indicator: z.string().describe("指标编码"),
  scheme: schemeSchema.describe("险种"),
  institution: z.string().nullable().describe("机构编码；统筹区级为 null"),
};

/** GET /api/v1/regions/{regionCode}/metrics?period=YYYY-MM: one month's values (docs/metrics.md). */
export const monthMetricsResponseSchema = z.strictObject({
  region: z.string(),
  catalogue: z.string().describe("指标目录版本"),
  period: z.string().describe("月份 YYYY-MM"),
  values: z.array(
    z.strictObject({
      ...metricKey,
      ytd: decimal.describe("本年累计"),
      month: decimal.describe("本月"),
      prevYearYtd: decimal.describe("上年同期累计"),
      yoy: decimal.describe("同比（小数）"),
      mom: decimal.describe("环比（小数）"),
      yoyDiff: decimal.describe("同比（百分点，% 指标）"),
      momDiff: decimal.describe("环比（百分点，% 指标）"),
    }),
  ),
});

/** GET /api/v1/regions/{regionCode}/metrics?period=YYYYQn: one quarter's values, read at its last month. */
export const quarterMetricsResponseSchema = z.strictObject({
  region: z.string(),
  catalogue: z.string(),
  period: z.string().describe("季度 YYYYQn"),
  quarterEnd: z.string().describe("季末月份 YYYY-MM"),
  values: z.array(
    z.strictObject({
      ...metricKey,
      quarter: decimal.describe("本季"),
      prevYearQuarter: decimal.describe("上年同季"),
      ytd: decimal,
      prevYearYtd: decimal,
      yoy: decimal,
      quarterYoy: decimal.describe("本季同比（小数）"),
      qoq: decimal.describe("环比上季（小数）"),
      yoyDiff: decimal,
      quarterYoyDiff: decimal,
      qoqDiff: decimal,
    }),
  ),
});

export const regionMetricsResponseSchema = z.union([monthMetricsResponseSchema, quarterMetricsResponseSchema]);
