/**
 * Interprets one value cell of a base sheet (docs/product.md §4: "value is a decimal (thousands separators and
 * full-width digits accepted; empty = missing)"). The result is a canonical decimal string (no exponent, no
 * trailing zeros), null for missing, or a Chinese message that points at the first wrong character and, for
 * the usual typing slips (letter O for 0, l/I for 1, 。for .), says what was probably meant.
 */

export type ParsedValue = { ok: true; value: string | null } | { ok: false; message: string };

/** The database keeps Decimal(24, 6): at most 6 decimal places and 18 integer digits. */
export const MAX_DECIMAL_PLACES = 6;
export const MAX_INTEGER_DIGITS = 18;

/** Blank, or only dashes/slashes: "—", "——", "-", "－", "–", "/", "／". */
const MISSING = /^[-－–—―‐/／]+$/;
const EXCEL_ERROR = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;
const NOT_FINITE = /^[+-]?(nan|inf|infinity|∞)$/i;
const EXPONENT = /^[+-]?(\d[\d,]*\.?\d*|\.\d+)e[+-]?\d+$/i;
const GROUPED = /^\d{1,3}(,\d{3})+$/;
/** White space a cell may carry around the number (incl. the ideographic space and NBSP). */
const EDGE_SPACE = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g;

/** Full-width digits and signs, U+2212 minus: one character to one character, so positions are kept. */
function halfWidth(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0);
  switch (c) {
    case "．":
      return ".";
    case "，":
      return ",";
    case "＋":
      return "+";
    case "－":
    case "−":
      return "-";
    default:
      return c;
  }
}

const UNIT_CHARS = new Set(["万", "亿", "元", "人", "次", "天", "个", "家", "张", "例", "‰"]);

/** Why character c (1-based position n) cannot be part of a number, with a hint for likely slips. */
function badChar(c: string, n: number): string {
  const at = `第 ${n} 个字符`;
  if (c === "O" || c === "o") return `${at}是字母 ${c}，是否应为数字 0？`;
  if (c === "l" || c === "I") return `${at}是字母 ${c}，是否应为数字 1？`;
  if (c === "|") return `${at}是竖线“|”，是否应为数字 1？`;
  if (/[A-Za-z]/.test(c)) return `${at}是字母 ${c}，数值中不能有字母`;
  if (c === "。") return `${at}是句号“。”，是否应为小数点“.”？`;
  if (c === "、") return `${at}是顿号“、”，是否应为小数点“.”或千分位逗号“,”？`;
  if (c === "%" || c === "％") return `${at}是百分号“%”，请去掉百分号，直接填写数值（如 12.5% 填 12.5）`;
  if (UNIT_CHARS.has(c)) return `${at}是单位“${c}”，请去掉单位，按模板规定的单位填写数值`;
  if (/^[\s\u3000\u00a0]$/.test(c)) return `${at}是空格，数字中间不能有空格`;
  if (c === "'") return `${at}是单引号“'”，请去掉后重新填写`;
  return `${at}“${c}”不是数字`;
}

const NUMBERISH = /^[+-]?[\d,]*\.?[\d,]*$/;

/** Full-width forms to ASCII, after refusing what is not a number at all; { why } names the problem. */
function normalise(text: string): string | { why: string } {
  if (EXCEL_ERROR.test(text)) return { why: "这是 Excel 的错误值，请检查原表中的公式，改为数值后再填写" };
  const original = Array.from(text);
  const chars = original.map(halfWidth);
  const s = chars.join("");
  if (NOT_FINITE.test(s)) return { why: "NaN、Infinity 等不是有效的数值" };
  if (EXPONENT.test(s)) return { why: "不接受科学计数法（如 1.2E+5），请把单元格设为“数值”格式后填写完整的数字" };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if ((c >= "0" && c <= "9") || c === "." || c === ",") continue;
    if (c === "+" || c === "-") {
      if (i === 0) continue;
      return { why: `第 ${i + 1} 个字符是“${original[i]}”，正负号只能写在最前面` };
    }
    return { why: badChar(original[i], i + 1) };
  }
  return s;
}

/** Already canonical (what the xlsx reader produces for number cells): returned as it is. */
const CANONICAL = /^-?(0|[1-9]\d{0,17})(\.\d{0,5}[1-9])?$/;

export function parseSheetValue(raw: string): ParsedValue {
  if (CANONICAL.test(raw) && raw !== "-0") return { ok: true, value: raw };
  const text = String(raw ?? "").replace(EDGE_SPACE, "");
  if (text === "" || MISSING.test(text)) return { ok: true, value: null };
  const fail = (why: string): ParsedValue => ({ ok: false, message: `“${text}”不是数字：${why}` });

  // Fast path: plain ASCII digits, separators and a leading sign (nearly every cell of a real sheet).
  const s = NUMBERISH.test(text) ? text : normalise(text);
  if (typeof s !== "string") return fail(s.why);

  const negative = s[0] === "-";
  const body = s[0] === "+" || s[0] === "-" ? s.slice(1) : s;
  const dot = body.indexOf(".");
  if (dot !== body.lastIndexOf(".")) return fail("有多个小数点");
  const intPart = dot < 0 ? body : body.slice(0, dot);
  const fracPart = dot < 0 ? "" : body.slice(dot + 1);
  if (!/\d/.test(intPart + fracPart)) return fail("没有数字");
  if (fracPart.includes(",")) return fail("小数点之后不能有逗号");
  if (intPart.includes(",") && !GROUPED.test(intPart)) {
    const decimalComma = /^\d+,\d{1,2}$/.test(intPart) && fracPart === "";
    return fail(
      `千分位逗号的位置不对（每个逗号后应有 3 位数字）${decimalComma ? `；如果“,”表示小数点，请写作 ${intPart.replace(",", ".")}` : ""}`,
    );
  }
  const digits = intPart.replace(/,/g, "").replace(/^0+(?=\d)/, "");
  const frac = fracPart.replace(/0+$/, "");
  if (frac.length > MAX_DECIMAL_PLACES) return fail(`小数有 ${frac.length} 位，最多 ${MAX_DECIMAL_PLACES} 位`);
  if (digits.replace(/^0+/, "").length > MAX_INTEGER_DIGITS) return fail(`整数部分超过 ${MAX_INTEGER_DIGITS} 位，数值过大`);

  const canonical = `${digits || "0"}${frac ? `.${frac}` : ""}`;
  return { ok: true, value: negative && canonical !== "0" ? `-${canonical}` : canonical };
}
