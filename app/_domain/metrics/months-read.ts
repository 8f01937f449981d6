import type { IndicatorDef } from "../catalogue";
import { parseFormula, referencesOf } from "../formula";
import { monthViewTree, YTD_MARK } from "./compile-formula";
import type { EvalView } from "./metric-types";

/**
 * The months, as offsets ≤ 0 from a month t, whose accepted sheets the rows of t read under this catalogue
 * (the engine's rules above applied to each formula's references), or null when a formula reads its own
 * earlier values (then every earlier month matters). With scope "INSTITUTION", only the months whose
 * institution values are read (the others need the region's values alone). A loader that fetches exactly these
 * computes the same rows as one that fetches the whole history: the recompute on acceptance relies on it.
 * `quarterEnd` false: for a month t that ends no quarter (no quarter fields, so fewer months read).
 */
export function monthsRead(catalogue: readonly IndicatorDef[], scope: "ALL" | "INSTITUTION" = "ALL", quarterEnd = true): number[] | null {
  const defs = new Map<string, IndicatorDef>();
  for (const d of catalogue) if (!defs.has(d.code)) defs.set(d.code, d);
  /** A raw read: "I:−12" = institution values 12 months back, "R:0" = the region's values this month. */
  type Reads = Set<string>;
  const key = (institution: boolean, m: number) => `${institution ? "I" : "R"}:${m}`;
  const shift = (read: string, by: number) => key(read[0] === "I", Number(read.slice(2)) + by);
  const memo = new Map<string, Reads | null>();
  const visiting = new Set<string>();
  // The raw reads of one view of one indicator at offset 0.
  const reads = (code: string, view: EvalView): Reads | null => {
    const memoKey = `${code}|${view}`;
    if (memo.has(memoKey)) return memo.get(memoKey)!;
    const d = defs.get(code);
    if (!d) return new Set();
    if (visiting.has(memoKey)) return null;
    visiting.add(memoKey);
    let out: Reads | null = new Set<string>();
    if (d.formula === null) {
      out.add(key(d.scope === "INSTITUTION", 0));
      if (view === "month" && d.basis === "FLOW") out.add(key(d.scope === "INSTITUTION", -1));
      if (view === "quarter" && d.basis === "FLOW") out.add(key(d.scope === "INSTITUTION", -3));
    } else {
      const parsed = parseFormula(d.formula);
      if (parsed.ok) {
        const tree = view === "ytd" ? parsed.ast : monthViewTree(parsed.ast);
        for (const ref of referencesOf(tree)) {
          const inner = ref.code.startsWith(YTD_MARK) ? reads(ref.code.slice(YTD_MARK.length), "ytd") : reads(ref.code, view);
          if (inner === null) {
            out = null;
            break;
          }
          for (const o of ref.offsets) for (const r of inner) out.add(shift(r, o.years * 12 + o.months));
        }
      }
    }
    visiting.delete(memoKey);
    memo.set(memoKey, out);
    return out;
  };
  const all = new Set<string>();
  for (const [code, d] of defs) {
    const ytd = reads(code, "ytd");
    const month = reads(code, "month");
    const quarter = reads(code, "quarter");
    if (ytd === null || month === null || quarter === null) return null;
    // A row reads ytd(t), month(t), ytd(t−12), month(t−1), quarter(t), quarter(t−3) and quarter(t−12); an
    // input's lineage also lists t−1, t−2, t−12.
    for (const r of ytd) all.add(r).add(shift(r, -12));
    for (const r of month) all.add(r).add(shift(r, -1));
    if (quarterEnd) for (const r of quarter) all.add(r).add(shift(r, -3)).add(shift(r, -12));
    if (d.formula === null) for (const m of [-1, -2, -12]) all.add(key(d.scope === "INSTITUTION", m));
  }
  const months = new Set([...all].filter((r) => scope === "ALL" || r[0] === "I").map((r) => Number(r.slice(2))));
  return [...months].sort((a, b) => b - a);
}
