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
export const regionParamsSchema = z.object({ regionCode: z.string().max(20) });

/** GET /api/v1/regions/{regionCode}/metrics?period=YYYY-MM or YYYYQn (the use case reads the period). */
export const regionMetricsQuerySchema = z.object({ period: z.string().max(20).default("") });

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
