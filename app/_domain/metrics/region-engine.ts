import type { Frequency, Scheme } from "../catalogue";
import { parseFormula, type FormulaNode } from "../formula";
import { isPeriod } from "../periods";
import { compileFormula, monthViewTree, YTD_MARK, type Compiled } from "./compile-formula";
import { EngineLineage } from "./engine-lineage";
import { type Def, type Evaluation, type Pair, BUSY, EMPTY, Scope, Series, addOnce, isJanuary, monthIndex } from "./engine-parts";
import { type Exact, type Scaled6, difference6, growth6, outText, parseExact, subtract } from "./exact";
import type {
  AcceptedSheet,
  EvalView,
  LineageInput,
  MetricField,
  MetricLineage,
  MetricSetValues,
  RegionMetricsInput,
} from "./metric-types";

const out = (x: Exact | null): string | Scaled6 | null => (x === null ? null : x.out6());
/** a − b rounded like every output (from a quotient's exact value, see differenceText). */
const difference = (a: Exact | null, b: Exact | null): string | Scaled6 | null => (a === null || b === null ? null : difference6(a, b));

/**
 * The engine of one region (the rules are in compute-metrics.ts): each value computed once, on first need, from
 * the accepted sheets loaded a month at a time; derived values by the compiled formulas.
 */
export class RegionEngine {
  readonly defs = new Map<string, Def>();
  readonly pairs: Pair[] = [];
  readonly regionPairs: Pair[] = [];
  readonly institutionPairs: Pair[] = [];
  readonly institutionCodes: string[];
  readonly regionScope: Scope;
  /**
   * Reported values per institution code, filled a month at a time as months are first needed: input pair × sheets +
   * the month's column (months with a sheet only: an accept reads a few of the region's months).
   */
  private readonly raws = new Map<string, (string | null | undefined)[]>();
  private readonly regionRaw: (string | null | undefined)[];
  private readonly sheets: (AcceptedSheet | undefined)[];
  private readonly indexed: boolean[];
  /** The month index of the first accepted sheet; months = how many months up to the last one. */
  readonly first: number;
  private readonly months: number;
  /** By k = month index − first: the month's column among the months with a sheet, −1 without one. */
  private readonly column: Int32Array;
  private readonly columns: number;
  /** The institution scope in use (institutionScope). */
  private scratch: Scope | undefined;
  /** Records lineage, when it is asked for. */
  private readonly trace: EngineLineage | null;

  /** The outputs as fill writes them: as they come (scaled) or as text. */
  private readonly put6: (x: string | Scaled6 | null) => string | Scaled6 | null;

  constructor(
    input: RegionMetricsInput,
    /** false: compute the numbers only (no lineage entries are built). */
    lineage: boolean,
    /**
     * true: fill may write an output as a Scaled6 instead of its text (computeRegionSets writes it into a column's
     * bytes without a string per value).
     */
    scaled = false,
  ) {
    this.put6 = scaled ? (x) => x : outText;
    this.trace = lineage ? new EngineLineage(this, this.defs) : null;
    for (const def of input.catalogue) {
      if (this.defs.has(def.code)) continue;
      let ytdTree: FormulaNode | null = null;
      if (def.formula !== null) {
        const parsed = parseFormula(def.formula);
        if (parsed.ok) ytdTree = parsed.ast;
      }
      const d: Def = {
        def,
        derived: def.formula !== null,
        flow: def.basis === "FLOW",
        institution: def.scope === "INSTITUTION",
        slots: new Map(),
        ytdTree,
        monthTree: ytdTree && monthViewTree(ytdTree),
      };
      this.defs.set(def.code, d);
      const list = d.institution ? this.institutionPairs : this.regionPairs;
      for (const scheme of new Set(def.schemes)) {
        const pair: Pair = { d, scheme, slot: list.length, input: -1, ytdFormula: null, monthFormula: null, quarterFormula: null };
        d.slots.set(scheme, pair.slot);
        list.push(pair);
        this.pairs.push(pair);
      }
    }
    for (const pair of this.pairs) {
      if (pair.d.ytdTree) pair.ytdFormula = compileFormula(pair.d.ytdTree, pair.scheme, this.compileReference("ytd"));
      if (pair.d.monthTree) pair.monthFormula = compileFormula(pair.d.monthTree, pair.scheme, this.compileReference("month"));
      // The quarter view reads like the month view (AVG_MONTHLY's references read ytd), in quarter values.
      if (pair.d.monthTree) pair.quarterFormula = compileFormula(pair.d.monthTree, pair.scheme, this.compileReference("quarter"));
    }
    this.institutionCodes = [...new Set(input.institutions.map((i) => i.code))];

    let first = input.since === undefined ? Infinity : monthIndex(input.since);
    let last = -Infinity;
    for (const period of input.accepted.keys()) {
      if (!isPeriod(period)) throw new Error(`无效的期间“${period}”，应为 YYYY-MM`);
      first = Math.min(first, monthIndex(period));
      last = Math.max(last, monthIndex(period));
    }
    this.first = first;
    this.months = last === -Infinity ? 0 : last - first + 1;
    this.sheets = new Array(this.months);
    this.indexed = new Array(this.months).fill(false);
    for (const [period, sheet] of input.accepted) this.sheets[monthIndex(period) - first] = sheet;
    this.column = new Int32Array(this.months).fill(-1);
    let columns = 0;
    for (let k = 0; k < this.months; k++) if (this.sheets[k]) this.column[k] = columns++;
    this.columns = columns;

    // Reported values are kept for input pairs only (derived values are always computed).
    const size = (pairs: Pair[]) => {
      let inputs = 0;
      for (const pair of pairs) if (!pair.d.derived) pair.input = inputs++;
      return inputs * this.columns;
    };
    this.regionRaw = new Array(size(this.regionPairs));
    for (const code of this.institutionCodes) this.raws.set(code, new Array(size(this.institutionPairs)));
    this.regionScope = new Scope(null, this.regionPairs, this.regionRaw, this.months);
  }

  /** Institution `code`'s scope: valid until the next call (one scope serves every institution in turn). */
  institutionScope(code: string): Scope {
    const raw = this.raws.get(code)!;
    if (this.scratch === undefined) return (this.scratch = new Scope(code, this.institutionPairs, raw, this.months));
    return this.scratch.reset(code, raw);
  }

  /**
   * A reference of a formula evaluated in `view`, resolved once: to the region's series, to the evaluating
   * institution's series, or to nothing (an unknown code or scheme, or an institution indicator read from the
   * region), which reads null and is listed as missing in the lineage. Inside AVG_MONTHLY it reads the ytd view.
   */
  private compileReference(view: EvalView) {
    return (code: string, scheme: Scheme): Compiled<Evaluation> => {
      let v = view;
      if (code.startsWith(YTD_MARK)) {
        code = code.slice(YTD_MARK.length);
        v = "ytd";
      }
      const missing = (e: Evaluation, t: number) => {
        if (e.read && v !== "quarter") addOnce(e.read, this.trace!.missing(code, scheme, e.scope.institutionCode, t, v));
        return null;
      };
      const d = this.defs.get(code);
      const slot = d?.slots.get(scheme);
      if (d === undefined || slot === undefined) return missing;
      const read = (e: Evaluation, target: Series, t: number) => {
        if (v === "quarter") return this.quarter(target, t);
        const x = v === "ytd" ? this.ytd(target, t) : this.month(target, t);
        if (e.read) this.trace!.addClosure(e.read, target, t, v);
        return x;
      };
      if (!d.institution) return (e, t) => read(e, this.regionScope.series[slot]!, t);
      return (e, t) => (e.scope.institutionCode === null ? missing(e, t) : read(e, e.scope.series[slot]!, t));
    };
  }

  /** Loads one month's accepted sheet into the reported values, the first time that month is needed. */
  private index(k: number): void {
    this.indexed[k] = true;
    const sheet = this.sheets[k];
    if (!sheet) return;
    if ("rows" in sheet) for (const row of sheet.rows) this.put(k, row.indicatorCode, row.scheme, row.institutionCode, row.value);
    else {
      const { indicatorCodes, schemes, institutionCodes, values } = sheet.columns;
      for (let j = 0; j < indicatorCodes.length; j++) this.put(k, indicatorCodes[j]!, schemes[j]!, institutionCodes[j]!, values[j]!);
    }
  }

  /** One reported value of month k, kept when its indicator × scheme is an input of its scope. */
  private put(k: number, code: string, scheme: Scheme, institutionCode: string | null, value: string | null): void {
    const d = this.defs.get(code);
    const slot = d?.slots.get(scheme);
    if (d === undefined || slot === undefined || d.derived) return;
    const input = (d.institution ? this.institutionPairs : this.regionPairs)[slot]!.input;
    const raw = d.institution
      ? institutionCode === null
        ? undefined
        : this.raws.get(institutionCode)
      : institutionCode === null
        ? this.regionRaw
        : undefined;
    if (raw) raw[input * this.columns + this.column[k]!] = value;
  }

  /** The reported text at k = month index − first (k ≥ 0). */
  private reported(s: Series, k: number): string | null {
    const c = k < this.months ? this.column[k]! : -1;
    if (c < 0) return null;
    if (!this.indexed[k]) this.index(k);
    return s.scope.raw[s.pair.input * this.columns + c] ?? null;
  }

  versionAt(t: number): string | null {
    const k = t - this.first;
    return k >= 0 && k < this.months ? (this.sheets[k]?.versionId ?? null) : null;
  }

  // ── values ──

  ytd(s: Series, t: number): Exact | null {
    const k = t - this.first;
    if (k < 0) return null; // nothing is computed before the first accepted month
    const v = s.ytdAt[k];
    if (v !== undefined) return v === BUSY ? null : v;
    if (s.d.derived) return this.evaluate(s, t, k, "ytd");
    return (s.ytdAt[k] = parseExact(this.reported(s, k)));
  }

  month(s: Series, t: number): Exact | null {
    const k = t - this.first;
    if (k < 0) return null;
    const v = s.monthAt[k];
    if (v !== undefined) return v === BUSY ? null : v;
    if (s.d.derived) return this.evaluate(s, t, k, "month");
    const ytd = this.ytd(s, t);
    if (!s.d.flow || isJanuary(t) || ytd === null) return (s.monthAt[k] = ytd);
    const before = this.ytd(s, t - 1);
    return (s.monthAt[k] = before === null ? null : subtract(ytd, before));
  }

  /**
   * The value of the quarter ending at month t (null unless t is March, June, September or December): a FLOW
   * input's ytd(t) − ytd(t − 3) (Q1: ytd), a STOCK or RATE input's value at t, a derived indicator's formula
   * over its references' quarter values.
   */
  quarter(s: Series, t: number): Exact | null {
    const k = t - this.first;
    if (k < 0 || t % 3 !== 2) return null;
    const v = s.quarterAt[k];
    if (v !== undefined) return v === BUSY ? null : v;
    if (s.d.derived) return this.evaluate(s, t, k, "quarter");
    const ytd = this.ytd(s, t);
    if (!s.d.flow || t % 12 === 2 || ytd === null) return (s.quarterAt[k] = ytd);
    const before = this.ytd(s, t - 3);
    return (s.quarterAt[k] = before === null ? null : subtract(ytd, before));
  }

  /** Evaluates a derived cell in one view with the formula engine, recording what it read for the lineage. */
  private evaluate(s: Series, at: number, k: number, view: EvalView): Exact | null {
    const values = view === "ytd" ? s.ytdAt : view === "month" ? s.monthAt : s.quarterAt;
    const formula = view === "ytd" ? s.pair.ytdFormula : view === "month" ? s.pair.monthFormula : s.pair.quarterFormula;
    let value: Exact | null = null;
    let deps: readonly LineageInput[] = EMPTY;
    if (formula !== null) {
      values[k] = BUSY;
      const read: LineageInput[] | null = this.trace && view !== "quarter" ? [] : null;
      value = formula(read === null ? s.scope.unrecorded : { scope: s.scope, read }, at);
      deps = read ?? EMPTY;
    }
    values[k] = value;
    if (this.trace && view !== "quarter") {
      const c = this.trace.cell(s, at);
      if (view === "ytd") c.ytdDeps = deps;
      else c.monthDeps = deps;
    }
    return value;
  }

  // ── rows ──

  /**
   * Writes the fields of series s at month t into element j of the set (and its lineage, if asked). The
   * indicator's frequency decides which exist (docs/metrics.md): a quarterly indicator has no month fields, a
   * yearly one neither month nor quarter fields; year-to-date fields exist wherever they are computable (a
   * quarterly or yearly input is only reported in the months that end its period).
   */
  fill(set: MetricSetValues, j: number, s: Series, t: number, lineage: MetricLineage[] | undefined): void {
    const frequency = s.d.def.frequency;
    const put = this.put6;
    // Columns of texts, or (scaled) of texts and Scaled6 values.
    const to = set as unknown as Record<MetricField, (string | Scaled6 | null)[]>;
    // (filledFields lists what this writes.)
    const ytd = this.ytd(s, t);
    const prevYearYtd = this.ytd(s, t - 12);
    to.ytd[j] = put(out(ytd));
    to.prevYearYtd[j] = put(out(prevYearYtd));
    to.yoy[j] = put(growth6(ytd, prevYearYtd));
    to.yoyDiff[j] = put(difference(ytd, prevYearYtd));
    if (hasMonth(frequency)) {
      const month = this.month(s, t);
      const prevMonth = this.month(s, t - 1);
      to.month[j] = put(out(month));
      to.mom[j] = put(growth6(month, prevMonth));
      to.momDiff[j] = put(difference(month, prevMonth));
    }
    if (hasQuarter(frequency, t)) {
      const quarter = this.quarter(s, t);
      const prevYearQuarter = this.quarter(s, t - 12);
      const prevQuarter = this.quarter(s, t - 3);
      to.quarter[j] = put(out(quarter));
      to.prevYearQuarter[j] = put(out(prevYearQuarter));
      to.quarterYoy[j] = put(growth6(quarter, prevYearQuarter));
      to.quarterYoyDiff[j] = put(difference(quarter, prevYearQuarter));
      to.qoq[j] = put(growth6(quarter, prevQuarter));
      to.qoqDiff[j] = put(difference(quarter, prevQuarter));
    }
    if (lineage) lineage[j] = { formula: s.d.def.formula, inputs: s.d.derived ? this.trace!.ofDerived(s, t) : this.trace!.ofInput(s, t) };
  }
}

const hasMonth = (frequency: Frequency) => frequency === "MONTHLY";
const hasQuarter = (frequency: Frequency, t: number) => frequency !== "YEARLY" && t % 3 === 2;
const YTD_FIELDS = ["ytd", "prevYearYtd", "yoy", "yoyDiff"] as const;
const MONTH_FIELDS = ["month", "mom", "momDiff"] as const;
const QUARTER_FIELDS = ["quarter", "prevYearQuarter", "quarterYoy", "quarterYoyDiff", "qoq", "qoqDiff"] as const;

/** The fields RegionEngine.fill writes for an indicator of this frequency at month index t (the others stay null). */
export function filledFields(frequency: Frequency, t: number): Set<MetricField> {
  return new Set([...YTD_FIELDS, ...(hasMonth(frequency) ? MONTH_FIELDS : []), ...(hasQuarter(frequency, t) ? QUARTER_FIELDS : [])]);
}
