/**
 * Derived metrics of one region (docs/product.md §4–§5): the engine that turns accepted sheets into the published
 * fields (ytd, month, prevYearYtd, yoy, mom) with lineage, institution comparisons and anomaly flags, and the
 * Chinese narrative draft (智能解读). Pure: no I/O.
 */
export {
  computeRegionMetrics,
  computeRegionSets,
  computeRegionValues,
  flagRowsOf,
  monthsRead,
  regionRowsOf,
  type AcceptedColumns,
  type AcceptedRows,
  type AcceptedSheet,
  type FlagRow,
  type SetRows,
  type LineageInput,
  type MetricLineage,
  type MetricRow,
  type MetricSetValues,
  type MetricValues,
  type MetricView,
  type RegionMetricSets,
  type RegionMetricTexts,
  type MetricSetTexts,
  type RegionMetricsInput,
} from "./compute-metrics";
export { draftNarrative, narrativePeriodLabel, type NarrativeInput } from "./narrative";
export {
  anomalyFlags,
  peerStats,
  type AnomalyFlag,
  type AnomalyKind,
  type AnomalyOptions,
  type GroupStats,
  type InstitutionPeerStats,
  type PeerStats,
  type PeerView,
  type Position,
} from "./peers";
