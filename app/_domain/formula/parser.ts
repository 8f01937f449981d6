import { SCHEMES, type Scheme } from "../catalogue";
import type { BinaryOp, FormulaError, FormulaNode } from "./ast";
import { Decimal } from "./decimal";
import { arityMessage, isFunctionName } from "./functions";
import { at, describeToken, tokenize, type Token } from "./tokenizer";

/** An indicator code as the catalogue writes it (FI03, SV_READMIT14). */
export const INDICATOR_CODE = /^[A-Z][A-Z0-9_]{1,19}$/;

/** Limits that keep a hostile or corrupted catalogue import from exhausting the stack. */
export const MAX_FORMULA_LENGTH = 2000;
export const MAX_FORMULA_DEPTH = 100;

export type ParseResult = { ok: true; ast: FormulaNode } | { ok: false; error: FormulaError };

class ParseFailure {
  constructor(readonly error: FormulaError) {}
}
const fail = (message: string, position: number): never => {
  throw new ParseFailure({ message, position });
};

const SCHEME_HINT = "EMPLOYEE、RESIDENT 或 TOTAL";

/**
 * Parses a formula into a tree, or returns the first error with its position. No eval, no Function:
 * the grammar is closed, so a formula can only read indicators and call the fixed functions.
 *
 *   formula := expr EOF        expr := term (("+" | "-") term)*      term := unary (("*" | "/") unary)*
 *   unary   := "-" unary | primary
 *   primary := NUMBER | CODE ["." SCHEME] | FUNCTION "(" [expr ("," expr)*] ")" | "(" expr ")"
 */
export function parseFormula(text: string): ParseResult {
  if (text.trim() === "") return { ok: false, error: { message: "公式为空", position: 0 } };
  if (text.length > MAX_FORMULA_LENGTH) {
    return { ok: false, error: { message: `公式过长（最多 ${MAX_FORMULA_LENGTH} 个字符）`, position: MAX_FORMULA_LENGTH } };
  }
  const lexed = tokenize(text);
  if (!lexed.ok) return lexed;
  try {
    return { ok: true, ast: new Parser(lexed.tokens).formula() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.error };
    throw e;
  }
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private get peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }

  formula(): FormulaNode {
    const node = this.expr();
    const t = this.peek;
    if (t.type === "eof") return node;
    if (t.type === ")") return fail(`${at(t.pos)}出现多余的右括号`, t.pos);
    if (t.type === "," || t.type === ".") return fail(`${at(t.pos)}出现意外的${describeToken(t)}`, t.pos);
    return fail(`${at(t.pos)}缺少运算符`, t.pos);
  }

  private expr(): FormulaNode {
    let left = this.term();
    while (this.peek.type === "+" || this.peek.type === "-") {
      const op = this.next();
      left = { kind: "binary", op: op.type as BinaryOp, left, right: this.term(), pos: op.pos };
    }
    return left;
  }

  private term(): FormulaNode {
    let left = this.unary();
    while (this.peek.type === "*" || this.peek.type === "/") {
      const op = this.next();
      left = { kind: "binary", op: op.type as BinaryOp, left, right: this.unary(), pos: op.pos };
    }
    return left;
  }

  private unary(): FormulaNode {
    this.enter();
    let node: FormulaNode;
    if (this.peek.type === "-") {
      const minus = this.next();
      node = { kind: "neg", operand: this.unary(), pos: minus.pos };
    } else {
      node = this.primary();
    }
    this.depth--;
    return node;
  }

  private enter() {
    if (++this.depth > MAX_FORMULA_DEPTH) fail(`${at(this.peek.pos)}嵌套层数过多（最多 ${MAX_FORMULA_DEPTH} 层）`, this.peek.pos);
  }

  private primary(): FormulaNode {
    const t = this.next();
    switch (t.type) {
      case "number":
        return { kind: "number", value: new Decimal(t.text).toFixed(), pos: t.pos };
      case "ident":
        return this.peek.type === "(" ? this.call(t.text, t.pos) : this.ref(t.text, t.pos);
      case "(": {
        const inner = this.expr();
        const close = this.next();
        if (close.type === ")") return inner;
        if (close.type === "eof") return fail("公式末尾缺少右括号", close.pos);
        if (close.type === "," || close.type === ".") return fail(`${at(close.pos)}出现意外的${describeToken(close)}`, close.pos);
        return fail(`${at(close.pos)}缺少右括号`, close.pos);
      }
      case "eof":
        return fail("公式末尾缺少运算数", t.pos);
      default:
        return fail(`${at(t.pos)}缺少运算数（实际为${describeToken(t)}）`, t.pos);
    }
  }

  private call(name: string, pos: number): FormulaNode {
    if (!isFunctionName(name)) return fail(`未知函数 ${name}`, pos);
    this.next(); // "("
    const args: FormulaNode[] = [];
    if (this.peek.type === ")") {
      this.next();
    } else {
      for (;;) {
        args.push(this.expr());
        const sep = this.next();
        if (sep.type === ")") break;
        if (sep.type === ",") continue;
        if (sep.type === "eof") return fail("公式末尾缺少右括号", sep.pos);
        return fail(`${at(sep.pos)}缺少逗号或右括号`, sep.pos);
      }
    }
    const arity = arityMessage(name, args.length);
    if (arity) return fail(arity, pos);
    return { kind: "call", name, args, pos };
  }

  private ref(code: string, pos: number): FormulaNode {
    if (isFunctionName(code)) return fail(`函数 ${code} 后缺少左括号`, this.peek.pos);
    if (!INDICATOR_CODE.test(code)) {
      return fail(`${at(pos)}的“${code}”不是有效的指标代码（应为 2–20 位大写字母、数字或下划线，以字母开头）`, pos);
    }
    let scheme: Scheme | null = null;
    if (this.peek.type === ".") {
      const dot = this.next();
      const s = this.next();
      if (s.type !== "ident") return fail(`${at(dot.pos)}的“.”后缺少险种（${SCHEME_HINT}）`, s.pos);
      if (!(SCHEMES as readonly string[]).includes(s.text)) return fail(`未知险种 ${s.text}（应为 ${SCHEME_HINT}）`, s.pos);
      scheme = s.text as Scheme;
    }
    return { kind: "ref", code, scheme, pos };
  }
}
