import type { MetricRow } from "@/app/_domain/metrics";

/** A stored metric row for unit tests: an institution's IN05 of 2025-06 with every field empty but those given. */
export const metricRow = (o: Partial<MetricRow> = {}): MetricRow => ({
  period: "2025-06",
  indicatorCode: "IN05",
  scheme: "TOTAL",
  institutionCode: null,
  ytd: null,
  month: null,
  prevYearYtd: null,
  yoy: null,
  mom: null,
  yoyDiff: null,
  momDiff: null,
  quarter: null,
  prevYearQuarter: null,
  quarterYoy: null,
  qoq: null,
  quarterYoyDiff: null,
  qoqDiff: null,
  lineage: { formula: null, inputs: [] },
  ...o,
});
