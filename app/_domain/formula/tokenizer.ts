import type { FormulaError } from "./ast";

/** Tokens of the formula language; positions are 0-based offsets into the source text. */
export type Token =
  | { type: "number"; text: string; pos: number }
  | { type: "ident"; text: string; pos: number }
  | { type: "+" | "-" | "*" | "/" | "(" | ")" | "," | "."; pos: number }
  | { type: "eof"; pos: number };

/** "第 N 个字符处" counts from 1 for people; error.position stays 0-based for programs. */
export const at = (pos: number) => `第 ${pos + 1} 个字符处`;

/**
 * Formulas are typed with a Chinese IME: full-width ASCII (（）＋，), the ideographic space and the
 * typographic × ÷ − are read as their ASCII forms. Every replacement is one code unit for one, so positions
 * in the normalised text are positions in what the user typed.
 */
export function normalizeFormulaText(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .replace(/×/g, "*")
    .replace(/÷/g, "/")
    .replace(/\u2212/g, "-");
}

const SINGLE = new Set(["+", "-", "*", "/", "(", ")", ",", "."]);
const NUMBER = /\d+(?:\.\d+)?/y;
const WORD_REST = /[A-Za-z0-9_.]+/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; error: FormulaError };

export function tokenize(source: string): TokenizeResult {
  const text = normalizeFormulaText(source);
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c >= "0" && c <= "9") {
      NUMBER.lastIndex = i;
      const num = NUMBER.exec(text)![0];
      const end = i + num.length;
      if (end < text.length && /[A-Za-z0-9_.]/.test(text[end]!)) {
        WORD_REST.lastIndex = i;
        const run = WORD_REST.exec(text)![0];
        return fail(`${at(i)}的数字“${run}”格式不正确`, i);
      }
      tokens.push({ type: "number", text: num, pos: i });
      i = end;
    } else if (/[A-Za-z_]/.test(c)) {
      IDENT.lastIndex = i;
      const word = IDENT.exec(text)![0];
      // The language is upper-case only; say so instead of "unknown indicator fi03".
      if (word !== word.toUpperCase()) return fail(`${at(i)}的“${word}”应使用大写字母（${word.toUpperCase()}）`, i);
      tokens.push({ type: "ident", text: word, pos: i });
      i += word.length;
    } else if (SINGLE.has(c)) {
      tokens.push({ type: c as "+", pos: i });
      i++;
    } else {
      return fail(`${at(i)}有无法识别的字符“${String.fromCodePoint(source.codePointAt(i)!)}”`, i);
    }
  }
  tokens.push({ type: "eof", pos: text.length });
  return { ok: true, tokens };
}

const fail = (message: string, position: number): TokenizeResult => ({ ok: false, error: { message, position } });

/** How a token is quoted in a message. */
export const describeToken = (t: Token): string => (t.type === "eof" ? "公式末尾" : `“${"text" in t ? t.text : t.type}”`);
