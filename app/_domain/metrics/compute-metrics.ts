import type { Frequency } from "../catalogue";
import { isPeriod, type Period } from "../periods";
import { monthIndex, periodAt, type Pair, type Scope } from "./engine-parts";
import { outText, writeScaled6, type Scaled6 } from "./exact";
import {
  METRIC_FIELDS,
  type FlagRow,
  type MetricLineage,
  type MetricRow,
  type MetricSetTexts,
  type MetricSetValues,
  type MetricValues,
  type RegionMetricSets,
  type RegionMetricsInput,
  type RegionMetricTexts,
  type SetRows,
} from "./metric-types";
import { filledFields, RegionEngine } from "./region-engine";

export * from "./metric-types";
export { evaluateExact, type Reader } from "./compile-formula";
export { monthsRead } from "./months-read";

/**
 * The derived-metrics engine of one region (docs/product.md §4 "What the fields mean, so that anyone can recompute
 * them"). Pure: the caller loads the accepted sheet version of each month and the catalogue; this computes, for
 * every indicator of the catalogue (inputs and derived) × every scheme it has × (institution scope) every
 * institution, the fields the metrics API publishes, with the lineage of each number.
 *
 * The rules, per row of period t:
 * - FLOW input: ytd = the reported value; month = ytd(t) − ytd(t−1) within the year (January: month = ytd;
 *   a missing previous month gives null); prevYearYtd = ytd(t−12); yoy = ytd ÷ prevYearYtd − 1;
 *   mom = month(t) ÷ month(t−1) − 1, January comparing with the previous December's month.
 * - STOCK and RATE inputs: ytd = month = the reported (period-end) value; prevYearYtd = the value at t−12;
 *   yoy and mom compare with the value at t−12 and t−1.
 * - Derived indicator: ytd = the formula over its references' ytd values ("ytd" view); month = the formula over
 *   their month values ("month" view; a STOCK or RATE input gives its value to both views); then prevYearYtd =
 *   the derived ytd at t−12, yoy = ytd ÷ prevYearYtd − 1, mom = month ÷ the derived month at t−1 − 1, whatever
 *   the derived indicator's basis. Functions are the formula engine's (PREV_YEAR, YOY, …) reading through
 *   ctx.value in the view being evaluated — except AVG_MONTHLY, whose meaning docs/product.md §4 fixes as
 *   "x's ytd ÷ months elapsed": references inside it read the ytd view in both views (so FB05's month value is
 *   the period-end balance ÷ the year's average monthly spending, not ÷ one month's spending × months).
 * - Not computable → null, never 0, NaN or Infinity: a missing input, a missing earlier period, a zero divisor.
 * - Output decimals are canonical strings rounded half away from zero (四舍五入) to 6 decimal places; yoy and mom
 *   are fractions (0.0523 = +5.23 %) computed from the unrounded values and rounded once.
 *
 * Details a reader of the numbers may need:
 * - A reference to a REGION indicator from an INSTITUTION formula reads the region's value; a reference to an
 *   INSTITUTION indicator from a REGION formula is not aggregated and reads null. A reference to an unknown code,
 *   or to a scheme the referenced indicator does not have, reads null.
 * - Values of derived indicators found in a sheet are ignored: derived values are always computed.
 * - Rows of institutions not in `institutions`, and rows whose value is not a number, are ignored (missing).
 *   When a sheet holds the same cell twice, the later row wins (the validator does not let that happen).
 * - Before the region's first accepted sheet nothing is computed (all null); this also ends formulas that
 *   read their own earlier values (PREV_MONTH(FB03) + …) instead of recursing forever.
 * - A same-period cycle (which checkFormulas rejects) reads null instead of recursing forever.
 * - The result does not depend on which periods are requested: computing one month alone gives exactly the
 *   rows of that month in a full recompute.
 *
 * Lineage: `formula` is the indicator's formula text (null for inputs); `inputs` lists every value the row's
 * five fields were computed from, deduplicated, in first-use order (ytd, month, prevYearYtd, mom):
 * - for an input indicator, its reported values (view "ytd") at t, t−1, t−12 and, for a FLOW, t−2 (the months
 *   that month and mom need);
 * - for a derived indicator, each reference its formula read, with the view it was read in and the period,
 *   then, for a derived reference, that reference's own inputs transitively (its entry has versionId null), and
 *   for a FLOW input read in the "month" view (outside January), the two reported values the month came from.
 * Each input entry carries the versionId of the accepted sheet of its period (null when that month has none or
 * the value is a derived intermediate) and its value as used, rounded like the output. Missing values are
 * listed too (value null), so the card shows why a number is "—". Entry objects are shared between rows: treat
 * them as read-only.
 */

/**
 * Every indicator × scheme × (institution) row for each requested period, in the order: period (as given),
 * indicator (catalogue order), scheme (the indicator's order), institution (the given order).
 *
 * Work is done one institution at a time (its values memoised while it is computed, then dropped), so memory
 * holds the result and one institution's intermediates, and a value is never computed twice.
 */
export function computeRegionMetrics(input: RegionMetricsInput): MetricRow[] {
  const lineages: MetricLineage[][] = [];
  const computed = computeSets(input, lineages);
  return rowsOf(computed, lineages) as MetricRow[];
}

/**
 * The same rows without lineage — what recomputation stores. Several times faster and lighter at the size of a
 * large region; the numbers are identical (tested).
 */
export function computeRegionValues(input: RegionMetricsInput): MetricValues[] {
  return rowsOf(computeSets(input, null));
}

/**
 * The same values as sets of columns joined into texts (computeRegionValues's rows, grouped): what storage
 * writes. Each institution's values are appended to byte columns as soon as it is done, so its strings die
 * young: held in arrays until the end (tens of millions for a large region's year), every one of them was
 * copied by the garbage collector, which then took more time than the computing.
 */
export function computeRegionSets(input: RegionMetricsInput): RegionMetricTexts {
  const frequencyOf = new Map<string, Frequency>();
  for (const def of input.catalogue) if (!frequencyOf.has(def.code)) frequencyOf.set(def.code, def.frequency);
  const filled = (set: MetricSetValues) => filledFields(frequencyOf.get(set.indicatorCode)!, monthIndex(set.period));
  // The one-element columns of the institution sets that the engine writes, and the text columns they go to.
  // (The engine writes Scaled6 values into them: see RegionEngine's `scaled`.)
  let cells: (string | Scaled6 | null)[][] | null = null;
  let to: TextColumn[] = [];
  const columns = new Map<(string | Scaled6 | null)[], TextColumn>();
  const { institutionCodes, sets } = computeSets(input, null, 1, true, (chunk) => {
    if (!cells) {
      cells = chunk
        .filter((set) => set.perInstitution)
        .flatMap((set) => [...filled(set)].map((f) => set[f] as (string | Scaled6 | null)[]));
      to = cells.map((cell) => columns.set(cell, new TextColumn()).get(cell)!);
    }
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      to[i]!.push(cell[0]!);
      cell[0] = null;
    }
  });
  const empty = ",".repeat(Math.max(0, institutionCodes.length - 1)); // a column of nulls
  const texts = sets.map((set) => {
    const out = {
      period: set.period,
      indicatorCode: set.indicatorCode,
      scheme: set.scheme,
      perInstitution: set.perInstitution,
      size: set.perInstitution ? institutionCodes.length : 1,
    } as MetricSetTexts;
    for (const f of METRIC_FIELDS)
      out[f] = !set.perInstitution
        ? (set[f] as (string | Scaled6 | null)[]).map(outText).join(",")
        : (columns.get(set[f])?.text() ?? empty);
    return out;
  });
  return { institutionCodes, sets: texts };
}

/**
 * One period's region rows of computed sets, every field, as readMetricValues reads them back once stored (an empty
 * element is null).
 */
export function regionRowsOf(computed: RegionMetricTexts, period: Period): MetricValues[] {
  const out: MetricValues[] = [];
  for (const set of computed.sets) {
    if (set.period !== period || set.perInstitution) continue;
    const row = { period, indicatorCode: set.indicatorCode, scheme: set.scheme, institutionCode: null } as MetricValues;
    for (const f of METRIC_FIELDS) row[f] = set[f] || null;
    out.push(row);
  }
  return out;
}

/**
 * One period's rows of computed sets with only the fields anomaly flags read, as readMetricValues would read them
 * back, made a set at a time when asked (periodFlags): the accept flags what it just computed without reading a
 * month's 100,000 values back, splitting the fields flags never read, or holding every row at once.
 */
export function flagRowsOf({ institutionCodes, sets }: RegionMetricTexts, period: Period): SetRows {
  const byKey = new Map<string, MetricSetTexts>();
  for (const set of sets) if (set.period === period) byKey.set(`${set.indicatorCode}|${set.scheme}|${set.perInstitution}`, set);
  const num = (t: string) => (t ? t : null);
  return (code, scheme, institution) => {
    const set = byKey.get(`${code}|${scheme}|${institution}`);
    if (!set) return undefined;
    const [ytd, month, prevYearYtd, yoy, yoyDiff] = [set.ytd, set.month, set.prevYearYtd, set.yoy, set.yoyDiff].map((t) => t.split(","));
    const out = new Array<FlagRow>(set.size);
    for (let k = 0; k < set.size; k++)
      out[k] = {
        period,
        indicatorCode: set.indicatorCode,
        scheme: set.scheme,
        institutionCode: set.perInstitution ? institutionCodes[k]! : null,
        ytd: num(ytd![k]!),
        month: num(month![k]!),
        prevYearYtd: num(prevYearYtd![k]!),
        yoy: num(yoy![k]!),
        yoyDiff: num(yoyDiff![k]!),
      };
    return out;
  };
}

/**
 * Elements (canonical decimals: ASCII; a Scaled6 written as its text) appended as bytes, joined by commas; null as
 * an empty element.
 */
class TextColumn {
  private bytes = new Uint8Array(256);
  private length = 0;
  private count = 0;
  push(text: string | Scaled6 | null): void {
    if (text === null && this.count > 0 && this.length < this.bytes.length) {
      this.bytes[this.length++] = 44; // ","
      this.count++;
      return;
    }
    if (typeof text === "number") {
      if (this.length + 24 > this.bytes.length) this.grow(this.length + 24);
      if (this.count++ > 0) this.bytes[this.length++] = 44; // ","
      this.length = writeScaled6(this.bytes, this.length, text);
      return;
    }
    const need = this.length + 1 + (text === null ? 0 : text.length);
    if (need > this.bytes.length) this.grow(need);
    if (this.count++ > 0) this.bytes[this.length++] = 44; // ","
    if (text !== null) for (let c = 0; c < text.length; c++) this.bytes[this.length++] = text.charCodeAt(c);
  }
  private grow(need: number): void {
    const grown = new Uint8Array(Math.max(need, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  text(): string {
    return DECODER.decode(this.bytes.subarray(0, this.length));
  }
}
const DECODER = new TextDecoder();

function rowsOf({ institutionCodes, sets }: RegionMetricSets, lineages?: MetricLineage[][]): MetricValues[] {
  const out: MetricValues[] = [];
  sets.forEach((set, i) => {
    for (let j = 0; j < set.ytd.length; j++) {
      const values = {
        period: set.period,
        indicatorCode: set.indicatorCode,
        scheme: set.scheme,
        institutionCode: set.perInstitution ? institutionCodes[j]! : null,
      } as MetricValues;
      for (const f of METRIC_FIELDS) values[f] = set[f][j]!;
      if (!lineages) out.push(values);
      else {
        const row: MetricRow = { ...values, lineage: lineages[i]![j]! };
        out.push(row);
      }
    }
  });
  return out;
}

/**
 * `lineages`, when given, receives each set's lineage column (same index as the set). With `chunk`, the
 * institution columns hold `chunk` elements: after every `chunk` institutions (and after the last) `flush` gets
 * the sets and how many elements of those columns are filled, and must empty them (set them to null).
 */
function computeSets(
  input: RegionMetricsInput,
  lineages: MetricLineage[][] | null,
  chunk = Infinity,
  /** The institution columns may hold Scaled6 values (RegionEngine's `scaled`): for `flush` only. */
  scaled = false,
  flush?: (sets: MetricSetValues[], size: number) => void,
): RegionMetricSets {
  const periods = new Set<Period>();
  for (const period of input.periods) {
    if (!isPeriod(period)) throw new Error(`无效的期间“${period}”，应为 YYYY-MM`);
    periods.add(period);
  }
  const times = [...periods].map(monthIndex);
  const engine = new RegionEngine(input, lineages !== null, scaled);
  const { pairs, regionPairs, institutionPairs, institutionCodes } = engine;

  // Sets: period-major, then the pairs in catalogue order.
  const sets: MetricSetValues[] = [];
  const column = (n: number) => new Array<string | null>(n).fill(null);
  for (const t of times)
    for (const pair of pairs) {
      const n = pair.d.institution ? Math.min(chunk, institutionCodes.length) : 1;
      const set = {
        period: periodAt(t),
        indicatorCode: pair.d.def.code,
        scheme: pair.scheme,
        perInstitution: pair.d.institution,
      } as MetricSetValues;
      for (const f of METRIC_FIELDS) set[f] = column(n);
      sets.push(set);
      lineages?.push(new Array<MetricLineage>(n));
    }
  const at = new Map(pairs.map((pair, k) => [pair, k]));
  const fill = (scope: Scope, scopePairs: readonly Pair[], j: number) => {
    for (const pair of scopePairs) {
      const s = scope.series[pair.slot]!;
      for (let p = 0, k = at.get(pair)!; p < times.length; p++, k += pairs.length) engine.fill(sets[k]!, j, s, times[p]!, lineages?.[k]);
    }
  };
  fill(engine.regionScope, regionPairs, 0);
  for (let j = 0; j < institutionCodes.length; j++) {
    const k = j % chunk;
    fill(engine.institutionScope(institutionCodes[j]!), institutionPairs, k);
    if (flush && (k === chunk - 1 || j === institutionCodes.length - 1)) flush(sets, k + 1);
  }
  return { institutionCodes, sets };
}
