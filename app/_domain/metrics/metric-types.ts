import type { IndicatorDef, Scheme } from "../catalogue";
import type { Period } from "../periods";
import type { SheetColumns, SheetValueRow } from "../sheets/types";

/** The metrics engine's input and output shapes (compute-metrics.ts documents the rules; docs/metrics.md the fields). */

/** The view a lineage entry was read in. */
export type MetricView = "ytd" | "month";
/** The views a formula is evaluated in: the quarter view is not recorded in lineage. */
export type EvalView = MetricView | "quarter";

export interface LineageInput {
  readonly code: string;
  readonly scheme: Scheme;
  readonly institutionCode: string | null;
  readonly period: Period;
  readonly view: MetricView;
  readonly value: string | null;
  readonly versionId: string | null;
}

export interface MetricLineage {
  formula: string | null;
  inputs: readonly LineageInput[];
}

/** A row's numbers without its lineage: what is stored (lineage is recomputed for one value on demand). */
export interface MetricValues {
  period: Period;
  indicatorCode: string;
  scheme: Scheme;
  /** null for a region-level indicator. */
  institutionCode: string | null;
  ytd: string | null;
  month: string | null;
  prevYearYtd: string | null;
  /** Fractions: 0.0523 = +5.23 %. */
  yoy: string | null;
  mom: string | null;
  /** Differences in the indicator's own unit (percentage points for a %-unit indicator): ytd − prevYearYtd. */
  yoyDiff: string | null;
  /** month − the previous month's month. */
  momDiff: string | null;
  /** Quarter fields: only in a quarter's last month (March, June, September, December), else null. */
  quarter: string | null;
  prevYearQuarter: string | null;
  /** quarter ÷ prevYearQuarter − 1, a fraction. */
  quarterYoy: string | null;
  /** quarter ÷ the previous quarter's value − 1, a fraction (Q1 compares with the previous year's Q4). */
  qoq: string | null;
  /** quarter − prevYearQuarter, in the indicator's unit. */
  quarterYoyDiff: string | null;
  /** quarter − the previous quarter's value, in the indicator's unit. */
  qoqDiff: string | null;
}

/** What anomaly flags read of a row (periodFlags, anomalyFlags): a MetricValues is one. */
export type FlagRow = Pick<
  MetricValues,
  "period" | "indicatorCode" | "scheme" | "institutionCode" | "ytd" | "month" | "prevYearYtd" | "yoy" | "yoyDiff"
>;

/**
 * The rows of one indicator × scheme of a period: the region's (`institution` false) or the institutions'
 * (periodFlags). A function, so that rows made from computed values (flagRowsOf) exist one set at a time.
 */
export type SetRows = (indicatorCode: string, scheme: Scheme, institution: boolean) => readonly FlagRow[] | undefined;

/** Every value field of a row, in storage order (docs/metrics.md defines each). */
export const METRIC_FIELDS = [
  "ytd",
  "month",
  "prevYearYtd",
  "yoy",
  "mom",
  "yoyDiff",
  "momDiff",
  "quarter",
  "prevYearQuarter",
  "quarterYoy",
  "qoq",
  "quarterYoyDiff",
  "qoqDiff",
] as const satisfies readonly (keyof MetricValues)[];
export type MetricField = (typeof METRIC_FIELDS)[number];

export interface MetricRow extends MetricValues {
  lineage: MetricLineage;
}

/** A month's accepted values, as rows or as columns (what storage reads: no object per value). */
export type AcceptedSheet = AcceptedRows | AcceptedColumns;
export interface AcceptedRows {
  versionId: string;
  rows: readonly SheetValueRow[];
}
export interface AcceptedColumns {
  versionId: string;
  columns: SheetColumns;
}

export interface RegionMetricsInput {
  catalogue: readonly IndicatorDef[];
  institutions: readonly { code: string; level: string }[];
  /** The accepted sheet version of each month that has one. */
  accepted: ReadonlyMap<Period, AcceptedSheet>;
  /** The months to compute (one, or all); duplicates are computed once; output follows this order. */
  periods: readonly Period[];
  /**
   * The region's first accepted month, when `accepted` holds only the months a computation reads (see
   * monthsRead): before it nothing is computed. Default: the earliest month in `accepted`.
   */
  since?: Period;
}

/**
 * The values of one indicator × scheme in one month, as parallel columns: one element for a region-level
 * indicator, one per institution (in RegionMetricSets.institutionCodes order) for an institution indicator. What
 * storage writes: no object per value.
 */
export type MetricSetValues = {
  period: Period;
  indicatorCode: string;
  scheme: Scheme;
  perInstitution: boolean;
} & Record<MetricField, (string | null)[]>;

export interface RegionMetricSets {
  /** The institutions of every institution set, in order (the input's codes, deduplicated). */
  institutionCodes: readonly string[];
  /** Ordered by period (as given), then indicator (catalogue order), then scheme (the indicator's order). */
  sets: MetricSetValues[];
}

/**
 * A MetricSetValues as storage writes it: each column's elements joined by commas, an empty element for null
 * (`size` elements). A large region's year holds tens of millions of values: as one string each they would
 * all be live at once, and the garbage collector would trace them again and again.
 */
export type MetricSetTexts = Omit<MetricSetValues, MetricField> & { size: number } & Record<MetricField, string>;

export interface RegionMetricTexts {
  institutionCodes: readonly string[];
  /** In RegionMetricSets order. */
  sets: MetricSetTexts[];
}
