import { SCHEMES, type Scheme } from "../catalogue";
import { CsvSyntaxError, splitCsv } from "../csv";
import { IssueList } from "./issues";
import { PERSONAL_DATA_RULE, personalDataHeaders, personalDataMessage } from "./personal-data";
import { normalisePeriodText } from "./sheet-period";
import type { RawCell, SheetIssue } from "./types";

/**
 * The long CSV of docs/product.md §4 — one value per line — read from decoded text (the server reader decodes
 * UTF-8/GBK) into RawCells, and written for exports. Only the file's structure is checked here; what the
 * values mean is validateSheet's job.
 */

export const LONG_CSV_COLUMNS = ["region_code", "period", "indicator_code", "scheme", "institution_code", "value"] as const;
export const LONG_CSV_HEADER = LONG_CSV_COLUMNS.join(",");
/** Enough for 5,000 institutions × 20 indicators × 3 schemes, with room. */
export const LONG_CSV_MAX_ROWS = 500_000;

export interface LongCsvParse {
  /** From the first data row; null when there is none (or the header is wrong). */
  regionCode: string | null;
  /** Canonical "YYYY-MM" when the first row's period is a month in any usual spelling, else as written. */
  period: string | null;
  cells: RawCell[];
  /** Structural problems, all ERRORs: header, column counts, mixed region/period, unknown schemes. */
  issues: SheetIssue[];
}

const SCHEME_WORDS: Record<string, Scheme> = {
  职工: "EMPLOYEE",
  职工医保: "EMPLOYEE",
  城镇职工: "EMPLOYEE",
  居民: "RESIDENT",
  居民医保: "RESIDENT",
  城乡居民: "RESIDENT",
  合计: "TOTAL",
  总计: "TOTAL",
};

/** EMPLOYEE/RESIDENT/TOTAL in any case, or 职工/居民/合计 (and their longer spellings). */
export function parseScheme(raw: string): Scheme | undefined {
  const s = raw.trim();
  const upper = s.toUpperCase();
  if ((SCHEMES as readonly string[]).includes(upper)) return upper as Scheme;
  return SCHEME_WORDS[s];
}

const row = (n: number) => `第 ${n} 行`;

export function parseLongCsv(text: string, options: { maxRows?: number; maxIssuesPerRule?: number } = {}): LongCsvParse {
  const issues = new IssueList(options.maxIssuesPerRule);
  const error = (rule: string, location: string, message: string, extra: Partial<SheetIssue> = {}) =>
    issues.add({ severity: "ERROR", rule, location, message, ...extra });
  const result = (regionCode: string | null, period: string | null, cells: RawCell[]): LongCsvParse => ({
    regionCode,
    period,
    cells,
    issues: issues.list(),
  });

  let rows: string[][];
  try {
    rows = splitCsv(text, options.maxRows ?? LONG_CSV_MAX_ROWS);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    if (e.kind === "unclosed-quote") error("csv.unclosed-quote", row(e.row), e.message);
    else
      error(
        "csv.too-many-rows",
        "全表",
        `文件超过 ${(options.maxRows ?? LONG_CSV_MAX_ROWS).toLocaleString("en-US")} 行数据，请拆分后分批上传。`,
      );
    return result(null, null, []);
  }

  const header = (rows[0] ?? []).map((h) => h.replace(/^\uFEFF/, "").trim());
  for (const h of personalDataHeaders(header)) error(PERSONAL_DATA_RULE, row(1), personalDataMessage(h, "第 1 行表头"));
  while (header.length > LONG_CSV_COLUMNS.length && header[header.length - 1] === "") header.pop();
  const headerOk = header.length === LONG_CSV_COLUMNS.length && header.every((h, i) => h.toLowerCase() === LONG_CSV_COLUMNS[i]);
  if (!headerOk) {
    const first = LONG_CSV_COLUMNS.findIndex((c, i) => (header[i] ?? "").toLowerCase() !== c);
    const detail =
      first >= 0
        ? `第 ${first + 1} 列应为 ${LONG_CSV_COLUMNS[first]}，实际为${header[first] ? ` ${header[first]}` : "空"}`
        : `多出了 ${header.length - LONG_CSV_COLUMNS.length} 列`;
    error("csv.header", row(1), `表头不正确（${detail}）。应为：${LONG_CSV_HEADER}；实际为：${header.join(",") || "（空）"}。`);
    return result(null, null, []);
  }

  let regionCode: string | null = null;
  let period: string | null = null;
  let firstRow = 0;
  const cells: RawCell[] = [];
  for (let i = 1; i < rows.length; i++) {
    const n = i + 1;
    let r = rows[i];
    if (r.every((c) => c === "")) continue;
    if (r.length > LONG_CSV_COLUMNS.length && r.slice(LONG_CSV_COLUMNS.length).every((c) => c === ""))
      r = r.slice(0, LONG_CSV_COLUMNS.length);
    if (r.length !== LONG_CSV_COLUMNS.length) {
      error("csv.column-count", row(n), `${row(n)}有 ${r.length} 列，应为 ${LONG_CSV_COLUMNS.length} 列（${LONG_CSV_HEADER}）。`);
      continue;
    }
    const [region, rawPeriod, indicator, rawScheme, institution, value] = r;
    const p = normalisePeriodText(rawPeriod);
    if (regionCode === null || period === null) {
      regionCode = region;
      period = p;
      firstRow = n;
    }
    let ok = true;
    if (region !== regionCode) {
      error(
        "csv.mixed-region",
        row(n),
        `${row(n)}的统筹区编码“${region}”与${row(firstRow)}的“${regionCode}”不同；一个文件只能包含一个统筹区的数据。`,
      );
      ok = false;
    }
    if (p !== period) {
      error("csv.mixed-period", row(n), `${row(n)}的期间“${rawPeriod}”与${row(firstRow)}的“${period}”不同；一个文件只能包含一个月的数据。`);
      ok = false;
    }
    const scheme = parseScheme(rawScheme);
    if (!scheme) {
      error("csv.unknown-scheme", row(n), `${row(n)}的险种“${rawScheme}”无法识别，应为 EMPLOYEE、RESIDENT、TOTAL 或 职工、居民、合计。`, {
        indicatorCode: indicator || undefined,
      });
      ok = false;
    }
    if (!indicator) {
      error("csv.missing-indicator", row(n), `${row(n)}缺少指标编码（indicator_code）。`);
      ok = false;
    }
    if (!ok || !scheme) continue;
    cells.push({
      indicatorCode: indicator,
      scheme,
      institutionCode: institution === "" ? null : institution.toUpperCase(),
      raw: value,
      location: row(n),
    });
  }
  return result(regionCode, period, cells);
}

// ------------------------------------------------------------------------------------------ export

export interface LongCsvRow {
  regionCode: string;
  period: string;
  indicatorCode: string;
  scheme: Scheme;
  institutionCode: string | null;
  /** A canonical decimal string, or null for missing (written as an empty cell). */
  value: string | null;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Text a spreadsheet would run as a formula (= + - @, and tab/CR that some programs strip first) gets a
 * leading apostrophe. Numbers are numbers, not text, and stay as they are (a negative value keeps its "-").
 */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The long CSV of rows, CRLF line ends; with { bom: true } it starts with a UTF-8 BOM, for Excel. */
export function toLongCsv(rows: readonly LongCsvRow[], options: { bom?: boolean } = {}): string {
  const lines = [LONG_CSV_HEADER];
  for (const r of rows) {
    const value = r.value === null ? "" : DECIMAL.test(r.value) ? r.value : neutralise(r.value);
    lines.push(
      [r.regionCode, r.period, r.indicatorCode, r.scheme, r.institutionCode ?? ""]
        .map((t) => quote(neutralise(t)))
        .concat(quote(value))
        .join(","),
    );
  }
  return `${options.bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}
