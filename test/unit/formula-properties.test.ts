import { describe, expect, it } from "vitest";
import { SCHEMES, type Scheme } from "@/app/_domain/catalogue";
import {
  Decimal,
  FORMULA_FUNCTIONS,
  evaluate,
  formatFormula,
  isFunctionName,
  parseFormula,
  type EvalContext,
  type FormulaNode,
  type FunctionName,
} from "@/app/_domain/formula";
import { seeded } from "../helpers/seeded";

/**
 * Property tests with hand-rolled generation (no new dependency). The seed is fixed, so a failure reproduces;
 * the failing formula text is part of each assertion message.
 */
const shape = (node: FormulaNode): unknown => JSON.parse(JSON.stringify(node, (k, v) => (k === "pos" ? undefined : v)));
const parse = (text: string): FormulaNode => {
  const r = parseFormula(text);
  if (!r.ok) throw new Error(`${JSON.stringify(text)}: ${r.error.message} @${r.error.position}`);
  return r.ast;
};

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const CODE_REST = `${UPPER}0123456789_`;
const FUNCTION_NAMES = Object.keys(FORMULA_FUNCTIONS) as FunctionName[];
const OPS = ["+", "-", "*", "/"] as const;

function generator(rand: () => number) {
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => String(int(10))).join("");

  /** A decimal with up to 15 integer and 10 fraction digits, as text ("-0012.50" style included). */
  const decimalText = (signed: boolean) => {
    const whole = digits(1 + int(15));
    const frac = rand() < 0.6 ? `.${digits(1 + int(10))}` : "";
    return `${signed && rand() < 0.4 ? "-" : ""}${whole}${frac}`;
  };

  const code = (): string => {
    for (;;) {
      let c = pick(UPPER.split(""));
      const n = 1 + int(rand() < 0.8 ? 4 : 19);
      for (let i = 0; i < n; i++) c += pick(CODE_REST.split(""));
      if (!isFunctionName(c)) return c;
    }
  };

  const tree = (depth: number): FormulaNode => {
    const r = rand();
    if (depth === 0 || r < 0.25) {
      return rand() < 0.5
        ? { kind: "number", value: new Decimal(decimalText(false)).toFixed(), pos: 0 }
        : { kind: "ref", code: code(), scheme: rand() < 0.5 ? null : pick(SCHEMES), pos: 0 };
    }
    if (r < 0.35) return { kind: "neg", operand: tree(depth - 1), pos: 0 };
    if (r < 0.7) return { kind: "binary", op: pick(OPS), left: tree(depth - 1), right: tree(depth - 1), pos: 0 };
    const name = pick(FUNCTION_NAMES);
    const { minArgs, maxArgs } = FORMULA_FUNCTIONS[name] as { minArgs: number; maxArgs: number | null };
    const count = minArgs + int((maxArgs ?? minArgs + 3) - minArgs + 1);
    return { kind: "call", name, args: Array.from({ length: count }, () => tree(depth - 1)), pos: 0 };
  };

  return { int, pick, decimalText, tree };
}

/** An independent printer that brackets everything, so the parser is tested without formatFormula's rules. */
function bracketed(n: FormulaNode): string {
  switch (n.kind) {
    case "number":
      return `(${n.value})`;
    case "ref":
      return n.scheme ? `${n.code}.${n.scheme}` : n.code;
    case "neg":
      return `(-${bracketed(n.operand)})`;
    case "binary":
      return `(${bracketed(n.left)}${n.op}${bracketed(n.right)})`;
    case "call":
      return `${n.name}(${n.args.map(bracketed).join(",")})`;
  }
}

/** Deterministic data from a hash of the key: sometimes missing, sometimes zero, so null paths are exercised. */
function hashedContext(period: string, scheme: Scheme): EvalContext {
  return {
    period,
    scheme,
    value(code, s, _offset, p) {
      let h = 2166136261;
      for (const ch of `${code}|${s}|${p}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
      const g = generator(seeded(h));
      const r = g.int(10);
      return r === 0 ? null : r === 1 ? new Decimal(0) : new Decimal(g.decimalText(true));
    },
  };
}

const ROUNDS = 400;

describe("property: printing and parsing", () => {
  const g = generator(seeded(20250301));
  const trees = Array.from({ length: ROUNDS }, () => g.tree(1 + g.int(5)));

  it("formatFormula output parses back to the same tree, and printing is idempotent", () => {
    for (const t of trees) {
      const text = formatFormula(t);
      const back = parse(text);
      expect(shape(back), text).toEqual(shape(t));
      expect(formatFormula(back), text).toBe(text);
    }
  });

  it("spaces are insignificant: the printed formula without spaces is the same tree", () => {
    for (const t of trees) {
      const text = formatFormula(t).replace(/ /g, "");
      expect(shape(parse(text)), text).toEqual(shape(t));
    }
  });

  it("a fully bracketed rendering parses to the same tree (precedence and associativity)", () => {
    for (const t of trees) {
      const text = bracketed(t);
      expect(shape(parse(text)), text).toEqual(shape(t));
    }
  });

  it("evaluation is unchanged by the round trip, and is always null or a finite decimal", () => {
    const ctx = hashedContext("2025-03", "TOTAL");
    let computed = 0;
    for (const t of trees) {
      const text = formatFormula(t);
      const direct = evaluate(t, ctx);
      const again = evaluate(parse(text), ctx);
      expect(again?.toString() ?? null, text).toBe(direct?.toString() ?? null);
      if (direct !== null) {
        expect(direct.isFinite(), text).toBe(true);
        computed++;
      }
    }
    expect(computed).toBeGreaterThan(ROUNDS / 10); // the generator does not make everything null
  });
});

describe("property: decimal arithmetic", () => {
  const g = generator(seeded(4242));

  /** Exact oracle: every generated decimal has at most 10 fraction digits, so ×10¹⁰ makes it an integer. */
  const SCALE = 10n ** 10n;
  const scaled = (text: string): bigint => {
    const negative = text.startsWith("-");
    const [whole, frac = ""] = text.replace("-", "").split(".");
    const v = BigInt(whole!) * SCALE + BigInt(frac.padEnd(10, "0"));
    return negative ? -v : v;
  };

  it("SUM of random decimals equals the decimal.js sum and the exact integer sum", () => {
    for (let round = 0; round < ROUNDS; round++) {
      const values = Array.from({ length: 1 + g.int(30) }, () => g.decimalText(true));
      const formula = `SUM(${values.join(", ")})`;
      const result = evaluate(parse(formula), hashedContext("2025-03", "TOTAL"));
      const expected = values.reduce((s, v) => s.plus(v), new Decimal(0));
      expect(result?.toString(), formula).toBe(expected.toString());
      expect(scaled(result!.toFixed(10)), formula).toBe(values.reduce((s, v) => s + scaled(v), 0n));
    }
  });

  it("+ − × ÷ on two inputs agree with decimal.js, and ÷ 0 is null", () => {
    const a = "AA01";
    const b = "BB01";
    for (let round = 0; round < ROUNDS; round++) {
      const x = g.decimalText(true);
      const y = round % 10 === 0 ? "0" : g.decimalText(true);
      const ctx: EvalContext = { period: "2025-03", scheme: "TOTAL", value: (c) => new Decimal(c === a ? x : y) };
      const run = (f: string) => evaluate(parse(f), ctx)?.toString() ?? null;
      const dx = new Decimal(x);
      const dy = new Decimal(y);
      expect(run(`${a} + ${b}`)).toBe(dx.plus(dy).toString());
      expect(run(`${a} - ${b}`)).toBe(dx.minus(dy).toString());
      expect(run(`${a} * ${b}`)).toBe(dx.mul(dy).toString());
      expect(run(`RATIO(${a}, ${b})`)).toBe(dy.isZero() ? null : dx.div(dy).toString());
      expect(run(`${a} - ${a}`)).toBe("0");
    }
  });
});
