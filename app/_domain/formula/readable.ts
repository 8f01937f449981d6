import { SCHEME_LABELS, SCHEMES, type Scheme } from "../catalogue";
import type { FormulaNode } from "./ast";

/** A piece of a formula in readable form: plain text, or a reference to an indicator (the page links it). */
export type ReadablePart = { text: string } | { code: string; scheme: Scheme | null; label: string };

/** Precedence of what a piece renders as: + − bind loosest, × ÷ tighter, an atom tightest. */
const SUM = 1;
const PRODUCT = 2;
const ATOM = 3;

interface Rendered {
  parts: ReadablePart[];
  prec: number;
}

/**
 * A formula as a reader of the catalogue reads it: indicator names instead of codes (with the scheme where the
 * formula names one), ＋ − × ÷ instead of the functions (PCT(a, b) = a ÷ b × 100, YOY(x) = x ÷ 上年同期的 x − 1,
 * BY_SCHEME(a, b, c) = 按险种（职工：a；居民：b；合计：c）, …), and only the parentheses the order of operations needs. The meaning of every function is the formula
 * language's (app/_domain/formula/functions.ts); `nameOf` gives an indicator's name, or null for an unknown code.
 */
export function readableFormula(node: FormulaNode, nameOf: (code: string) => string | null): ReadablePart[] {
  return merge(render(node, nameOf).parts);
}

/** The readable formula as one string (for tests, exports and tooltips). */
export const readableText = (parts: readonly ReadablePart[]) => parts.map((p) => ("text" in p ? p.text : p.label)).join("");

function render(n: FormulaNode, nameOf: (code: string) => string | null): Rendered {
  const r = (x: FormulaNode) => render(x, nameOf);
  const text = (t: string): ReadablePart => ({ text: t });
  const group = (x: Rendered, min: number) => (x.prec >= min ? x.parts : [text("("), ...x.parts, text(")")]);
  const op = (a: Rendered, sign: string, b: Rendered, prec: number): Rendered => ({
    // Left-associative: a right operand of the same precedence keeps its parentheses (a − (b − c)).
    parts: [...group(a, prec), text(` ${sign} `), ...group(b, prec + 1)],
    prec,
  });
  const atom = (...parts: ReadablePart[]): Rendered => ({ parts, prec: ATOM });
  switch (n.kind) {
    case "number":
      return atom(text(n.value));
    case "ref": {
      const name = nameOf(n.code) ?? n.code;
      return atom({ code: n.code, scheme: n.scheme, label: n.scheme ? `${name}（${SCHEME_LABELS[n.scheme]}）` : name });
    }
    case "neg":
      return atom(text("−"), ...group(r(n.operand), ATOM));
    case "binary": {
      const sign = { "+": "+", "-": "−", "*": "×", "/": "÷" }[n.op];
      return op(r(n.left), sign, r(n.right), n.op === "+" || n.op === "-" ? SUM : PRODUCT);
    }
    case "call": {
      const args = n.args.map(r);
      const [x, y] = args;
      const shifted = (when: string, v: Rendered) => atom(text(when), ...group(v, ATOM));
      const growth = (when: string, v: Rendered): Rendered =>
        atom(text("("), ...op(op(v, "÷", shifted(when, v), PRODUCT), "−", atom(text("1")), SUM).parts, text(")"));
      switch (n.name) {
        case "SUM":
          return args.slice(1).reduce((acc, a) => op(acc, "+", a, SUM), args[0]!);
        case "RATIO":
          return op(x!, "÷", y!, PRODUCT);
        case "PCT":
          return op(op(x!, "÷", y!, PRODUCT), "×", atom(text("100")), PRODUCT);
        case "PER_1000":
          return op(op(x!, "÷", y!, PRODUCT), "×", atom(text("1000")), PRODUCT);
        case "PREV_YEAR":
          return shifted("上年同期的", x!);
        case "PREV_MONTH":
          return shifted("上月的", x!);
        case "YOY":
          return growth("上年同期的", x!);
        case "MOM":
          return growth("上月的", x!);
        case "AVG_MONTHLY":
          return op(x!, "÷", atom(text("本年已过月数")), PRODUCT);
        case "MONTHS_ELAPSED":
          return atom(text("本年已过月数"));
        case "TIME_PROGRESS":
          return atom(text("时间进度（本年已过月数 ÷ 12）"));
        case "BY_SCHEME":
          // 按险种（职工：a；居民：b；合计：c）: each argument is delimited, so none needs parentheses.
          return atom(
            text("按险种（"),
            ...args.flatMap((a, i) => [text(`${i ? "；" : ""}${SCHEME_LABELS[SCHEMES[i]!]}：`), ...a.parts]),
            text("）"),
          );
      }
    }
  }
}

/** Adjacent text pieces joined, so the page renders one span per run of text. */
function merge(parts: ReadablePart[]): ReadablePart[] {
  const out: ReadablePart[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if ("text" in p && last && "text" in last) out[out.length - 1] = { text: last.text + p.text };
    else out.push(p);
  }
  return out;
}
