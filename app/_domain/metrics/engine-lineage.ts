import type { Scheme } from "../catalogue";
import { type Def, BUSY, LineageCell, type Series, addOnce, isJanuary, periodAt } from "./engine-parts";
import type { Exact } from "./exact";
import type { LineageInput, MetricView } from "./metric-types";

/** What the lineage reads from the engine: values, and which accepted sheet version each month came from. */
export interface LineageSource {
  readonly first: number;
  ytd(s: Series, t: number): Exact | null;
  month(s: Series, t: number): Exact | null;
  versionAt(t: number): string | null;
}

/**
 * The lineage of the engine's rows (the rules are in compute-metrics.ts): built only when asked for, from the
 * entries the formulas read while they were evaluated. Entry objects are shared between rows.
 */
export class EngineLineage {
  private readonly adHoc = new Map<string, LineageInput>();

  constructor(
    private readonly engine: LineageSource,
    private readonly defs: ReadonlyMap<string, Def>,
  ) {}

  cell(s: Series, t: number): LineageCell {
    s.lineage ??= new Map();
    let c = s.lineage.get(t);
    if (c === undefined) s.lineage.set(t, (c = new LineageCell()));
    return c;
  }

  private entry(s: Series, t: number, view: MetricView): LineageInput {
    const c = this.cell(s, t);
    const memo = view === "ytd" ? c.ytdEntry : c.monthEntry;
    if (memo) return memo;
    const value = view === "ytd" ? this.engine.ytd(s, t) : this.engine.month(s, t);
    const e: LineageInput = {
      code: s.d.def.code,
      scheme: s.scheme,
      institutionCode: s.scope.institutionCode,
      period: periodAt(t),
      view,
      value: value === null ? null : value.text6(),
      versionId: s.d.derived ? null : this.engine.versionAt(t),
    };
    // Only a finished value is remembered (a cell can be read while a same-period cycle is still evaluating it).
    if ((view === "ytd" ? s.ytdAt : s.monthAt)[t - this.engine.first] !== BUSY) {
      if (view === "ytd") c.ytdEntry = e;
      else c.monthEntry = e;
    }
    return e;
  }

  /** A reference that resolves to no series: listed (value null) so the card shows what was missing. */
  missing(code: string, scheme: Scheme, institutionCode: string | null, t: number, view: MetricView): LineageInput {
    const d = this.defs.get(code);
    const inst = d && !d.institution ? null : institutionCode;
    const key = `${code}|${scheme}|${inst ?? ""}|${t}|${view}`;
    let e = this.adHoc.get(key);
    if (!e) this.adHoc.set(key, (e = { code, scheme, institutionCode: inst, period: periodAt(t), view, value: null, versionId: null }));
    return e;
  }

  /** A value read by a formula, and what it was computed from. */
  addClosure(into: LineageInput[], s: Series, t: number, view: MetricView): void {
    addOnce(into, this.entry(s, t, view));
    if (s.d.derived) {
      const c = this.cell(s, t);
      for (const e of view === "ytd" ? c.ytdDeps : c.monthDeps) addOnce(into, e);
    } else if (view === "month" && s.d.flow && !isJanuary(t)) {
      addOnce(into, this.entry(s, t, "ytd"));
      addOnce(into, this.entry(s, t - 1, "ytd"));
    }
  }

  ofInput(s: Series, t: number): LineageInput[] {
    // ytd: t; month: t−1 (FLOW outside January); prevYearYtd: t−12; mom: t−1, and t−2 for a FLOW whose
    // previous month is not January.
    const out = [this.entry(s, t, "ytd")];
    if (s.d.flow && !isJanuary(t)) out.push(this.entry(s, t - 1, "ytd"));
    out.push(this.entry(s, t - 12, "ytd"));
    if (!s.d.flow || isJanuary(t)) out.push(this.entry(s, t - 1, "ytd"));
    if (s.d.flow && !isJanuary(t - 1)) out.push(this.entry(s, t - 2, "ytd"));
    return out;
  }

  ofDerived(s: Series, t: number): LineageInput[] {
    const now = this.cell(s, t);
    const all = now.ytdDeps.slice();
    for (const deps of [now.monthDeps, this.cell(s, t - 12).ytdDeps, this.cell(s, t - 1).monthDeps]) for (const e of deps) addOnce(all, e);
    return all;
  }
}
