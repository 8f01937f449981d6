import { SCHEMES, type Scheme } from "../catalogue";
import type { PeriodOffset } from "../periods";
import type { FormulaNode } from "./ast";

/** One occurrence of an indicator in a formula. */
export interface FormulaReference {
  code: string;
  /** null = the scheme of the value being computed. */
  scheme: Scheme | null;
  /** 0-based offset of the code in the formula text. */
  position: number;
  /**
   * Every period shift at which the value is read: {0,0} is the period being computed; PREV_YEAR and
   * PREV_MONTH shift their argument, YOY and MOM read it both unshifted and shifted. A loader uses these
   * to know which sheets to fetch.
   */
  offsets: PeriodOffset[];
  /**
   * True when read only at earlier periods (only under PREV_YEAR / PREV_MONTH). Such a reference cannot form
   * a same-period cycle: e.g. a balance may be defined from its own value one month earlier.
   */
  lagged: boolean;
  /**
   * The schemes for whose values the reference is read: null for all of them, or the one scheme of the
   * BY_SCHEME argument it lies in (empty when nested BY_SCHEMEs pick different schemes: never read). An
   * unqualified reference must exist in these schemes only.
   */
  onlyFor: readonly Scheme[] | null;
}

const ZERO: PeriodOffset = { years: 0, months: 0 };
const key = (o: PeriodOffset) => `${o.years}:${o.months}`;

function shifted(offsets: PeriodOffset[], by: PeriodOffset, keepOriginal: boolean): PeriodOffset[] {
  const out = new Map<string, PeriodOffset>();
  for (const o of offsets) {
    if (keepOriginal) out.set(key(o), o);
    const s = { years: o.years + by.years, months: o.months + by.months };
    out.set(key(s), s);
  }
  return [...out.values()];
}

/** The indicator references of a formula, in the order they appear in the text (one entry per occurrence). */
export function referencesOf(ast: FormulaNode): FormulaReference[] {
  const refs: FormulaReference[] = [];
  const walk = (node: FormulaNode, offsets: PeriodOffset[], onlyFor: readonly Scheme[] | null): void => {
    switch (node.kind) {
      case "number":
        return;
      case "ref":
        refs.push({
          code: node.code,
          scheme: node.scheme,
          position: node.pos,
          offsets,
          lagged: !offsets.some((o) => o.years === 0 && o.months === 0),
          onlyFor,
        });
        return;
      case "neg":
        return walk(node.operand, offsets, onlyFor);
      case "binary":
        walk(node.left, offsets, onlyFor);
        return walk(node.right, offsets, onlyFor);
      case "call": {
        const inner =
          node.name === "PREV_YEAR"
            ? shifted(offsets, { years: -1, months: 0 }, false)
            : node.name === "PREV_MONTH"
              ? shifted(offsets, { years: 0, months: -1 }, false)
              : node.name === "YOY"
                ? shifted(offsets, { years: -1, months: 0 }, true)
                : node.name === "MOM"
                  ? shifted(offsets, { years: 0, months: -1 }, true)
                  : offsets;
        node.args.forEach((arg, i) => {
          // BY_SCHEME's i-th argument is read for the i-th scheme only (SCHEMES order: 职工, 居民, 合计).
          const scheme = SCHEMES[i]!;
          const only = node.name !== "BY_SCHEME" ? onlyFor : onlyFor === null ? [scheme] : onlyFor.filter((s) => s === scheme);
          walk(arg, inner, only);
        });
        return;
      }
    }
  };
  walk(ast, [ZERO], null);
  return refs;
}
