import { z } from "zod";
import { SCHEMES } from "../catalogue";
import { parsePeriod, type Period } from "../periods";

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
