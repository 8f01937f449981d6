import {
  BASIS_LABELS,
  FREQUENCY_LABELS,
  SCHEME_LABELS,
  SCOPE_LABELS,
  TAG_LABELS,
  type Frequency,
  type IndicatorDef,
  type IndicatorScope,
  type IndicatorTag,
  type Scheme,
  type ValueBasis,
} from "../catalogue";
import type { RowIssue } from "../institutions";
import { indicatorSchema } from "../schemas/indicator";
import { compareBounds, parseBound } from "./bounds";

/**
 * The catalogue's table file (xlsx or CSV), used both for export and import, so that an exported version
 * imports back field for field: one row per indicator, one column per IndicatorDef field, Chinese headers and
 * Chinese labels (codes accepted too).
 */

export const CATALOGUE_COLUMNS = [
  { key: "code", zh: "指标编码", required: true, width: 10 },
  { key: "category", zh: "类别", required: true, width: 18 },
  { key: "nameZh", zh: "指标名称", required: true, width: 36 },
  { key: "nameEn", zh: "英文名称", required: false, width: 36 },
  { key: "unit", zh: "单位", required: true, width: 8 },
  { key: "frequency", zh: "频次", required: true, width: 6 },
  { key: "schemes", zh: "险种", required: true, width: 14 },
  { key: "scope", zh: "层级", required: true, width: 10 },
  { key: "basis", zh: "数值类型", required: true, width: 14 },
  { key: "formula", zh: "计算公式", required: false, width: 36 },
  { key: "minValue", zh: "下限", required: false, width: 12 },
  { key: "maxValue", zh: "上限", required: false, width: 12 },
  { key: "definition", zh: "口径说明", required: false, width: 60 },
  { key: "tag", zh: "标签", required: true, width: 12 },
  { key: "evidence", zh: "证据等级", required: false, width: 8 },
] as const satisfies readonly { key: keyof IndicatorDef; zh: string; required: boolean; width: number }[];
export type CatalogueColumnKey = (typeof CATALOGUE_COLUMNS)[number]["key"];

export const CATALOGUE_HEADER_ZH = CATALOGUE_COLUMNS.map((c) => c.zh);

/** What each column accepts, for the instructions sheet and the import dialog. */
export const CATALOGUE_COLUMN_HINTS: Record<CatalogueColumnKey, string> = {
  code: "2–20 位大写字母、数字或下划线，以字母开头；同一文件内不得重复",
  category: "如 基金收入、DRG/DIP支付方式（最多 50 字）",
  nameZh: "最多 100 字",
  nameEn: "选填",
  unit: "如 万元、人、人次、%、元、天、月",
  frequency: "月 / 季 / 年",
  schemes: "职工、居民、合计 中的一个或多个，用顿号或逗号分隔",
  scope: "统筹区 / 医疗机构",
  basis: `${Object.values(BASIS_LABELS).join(" / ")}（也可填 流量 / 存量 / 比率）`,
  formula: "留空表示填报指标；派生指标填写公式，如 FI03 - FE01、PCT(PM02, SV02)、YOY(FI03) * 100",
  minValue: "合理范围下限（数值，选填）",
  maxValue: "合理范围上限（数值，选填，不小于下限）",
  definition: "统计口径：统计什么、本年累计还是期末值、哪个险种（最多 2000 字）",
  tag: Object.values(TAG_LABELS).join(" / "),
  evidence: "选填，如 A、A+B、B/R",
};

const labelOf = {
  frequency: (v: Frequency) => FREQUENCY_LABELS[v],
  scope: (v: IndicatorScope) => SCOPE_LABELS[v],
  basis: (v: ValueBasis) => BASIS_LABELS[v],
  tag: (v: IndicatorTag) => TAG_LABELS[v],
};

/** One indicator as the row of cells an export writes (before spreadsheet-formula neutralisation). */
export function indicatorToCells(d: IndicatorDef): string[] {
  const cell: Record<CatalogueColumnKey, string> = {
    code: d.code,
    category: d.category,
    nameZh: d.nameZh,
    nameEn: d.nameEn ?? "",
    unit: d.unit,
    frequency: labelOf.frequency(d.frequency),
    schemes: d.schemes.map((s) => SCHEME_LABELS[s]).join("、"),
    scope: labelOf.scope(d.scope),
    basis: labelOf.basis(d.basis),
    formula: d.formula ?? "",
    minValue: d.minValue ?? "",
    maxValue: d.maxValue ?? "",
    definition: d.definition ?? "",
    tag: labelOf.tag(d.tag),
    evidence: d.evidence ?? "",
  };
  return CATALOGUE_COLUMNS.map((c) => cell[c.key]);
}

/**
 * A cell that starts with = + - @ (or tab / carriage return) would be run as a formula by Excel or WPS when
 * the CSV is opened (CSV injection); it is written with a leading apostrophe, which import strips again.
 * A plain number such as -100 is not a formula and stays a number.
 */
export function neutraliseCell(text: string): string {
  if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text)) return "'" + text;
  return text;
}
export const unneutraliseCell = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

// ── import ───────────────────────────────────────────────────────────────────────────────────────────────

const norm = (s: string) =>
  s
    .replace(/^\uFEFF/, "")
    .replace(/[\s*＊]/g, "")
    .toLowerCase();

/** Maps a header row to column keys; unknown, repeated and missing required columns are row-1 issues. */
export function mapCatalogueHeader(header: string[]): { keys: (CatalogueColumnKey | undefined)[]; issues: RowIssue[] } {
  const keys = header.map((h) => CATALOGUE_COLUMNS.find((c) => norm(h) === norm(c.zh) || norm(h) === c.key.toLowerCase())?.key);
  const issues: RowIssue[] = [];
  header.forEach((h, i) => {
    const key = keys[i];
    if (h.trim() && !key) issues.push({ row: 1, column: h, message: `无法识别的列“${h}”` });
    if (key && keys.indexOf(key) < i) {
      const zh = CATALOGUE_COLUMNS.find((c) => c.key === key)!.zh;
      issues.push({ row: 1, column: zh, message: `列“${zh}”重复出现` });
    }
  });
  for (const c of CATALOGUE_COLUMNS)
    if (c.required && !keys.includes(c.key)) issues.push({ row: 1, column: c.zh, message: `缺少必填列“${c.zh}”` });
  return { keys, issues };
}

function fromLabel<T extends string>(raw: string, labels: Record<T, string>, aliases: Record<string, T> = {}): T | undefined {
  const s = raw.trim();
  const upper = s.toUpperCase();
  for (const [code, label] of Object.entries(labels) as [T, string][]) if (upper === code || s === label) return code;
  return aliases[s] ?? aliases[upper];
}

const FREQUENCY_ALIASES: Record<string, Frequency> = {
  月度: "MONTHLY",
  每月: "MONTHLY",
  M: "MONTHLY",
  季度: "QUARTERLY",
  每季: "QUARTERLY",
  Q: "QUARTERLY",
  年度: "YEARLY",
  每年: "YEARLY",
  Y: "YEARLY",
};
const SCOPE_ALIASES: Record<string, IndicatorScope> = {
  区域: "REGION",
  机构: "INSTITUTION",
  医疗机构层级: "INSTITUTION",
  统筹区层级: "REGION",
};
const BASIS_ALIASES: Record<string, ValueBasis> = {
  流量: "FLOW",
  本年累计: "FLOW",
  存量: "STOCK",
  期末值: "STOCK",
  期末: "STOCK",
  比率: "RATE",
  当期: "RATE",
};
const SCHEME_ALIASES: Record<string, Scheme> = { E: "EMPLOYEE", R: "RESIDENT", T: "TOTAL", 职工医保: "EMPLOYEE", 居民医保: "RESIDENT" };

function parseSchemes(raw: string): Scheme[] | string {
  if (/^E\/R$/i.test(raw.trim())) return ["EMPLOYEE", "RESIDENT", "TOTAL"]; // the reference's shorthand
  const parts = raw.split(/[、,，;；/\s]+/).filter(Boolean);
  const out: Scheme[] = [];
  for (const p of parts) {
    const s = fromLabel(p, SCHEME_LABELS, SCHEME_ALIASES);
    if (!s) return `无法识别的险种“${p}”（可填 职工、居民、合计）`;
    out.push(s);
  }
  return out;
}

/** Parses one data row (raw cell strings by column key). `row` is the 1-based line in the file. */
export function parseCatalogueRow(
  raw: Partial<Record<CatalogueColumnKey, string>>,
  row: number,
): { value?: IndicatorDef; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const zh = (k: CatalogueColumnKey) => CATALOGUE_COLUMNS.find((c) => c.key === k)!.zh;
  const issue = (k: CatalogueColumnKey, message: string) => issues.push({ row, column: zh(k), message });
  const cell = (k: CatalogueColumnKey) => unneutraliseCell((raw[k] ?? "").trim());
  for (const c of CATALOGUE_COLUMNS) if (c.required && !cell(c.key)) issue(c.key, "必填项为空");

  const label = <T extends string>(k: CatalogueColumnKey, labels: Record<T, string>, aliases: Record<string, T>, what: string) => {
    if (!cell(k)) return undefined;
    const v = fromLabel(cell(k), labels, aliases);
    if (!v) issue(k, `无法识别的${what}“${cell(k)}”（可填 ${Object.values<string>(labels).join("、")}）`);
    return v;
  };
  const frequency = label("frequency", FREQUENCY_LABELS, FREQUENCY_ALIASES, "频次");
  const scope = label("scope", SCOPE_LABELS, SCOPE_ALIASES, "层级");
  const basis = label("basis", BASIS_LABELS, BASIS_ALIASES, "数值类型");
  const tag = label("tag", TAG_LABELS, {}, "标签");
  let schemes: Scheme[] | undefined;
  if (cell("schemes")) {
    const parsed = parseSchemes(cell("schemes"));
    if (typeof parsed === "string") issue("schemes", parsed);
    else schemes = parsed;
  }
  // The schema runs even when a label was not recognised, so that one upload lists every problem of the row.
  const parsed = indicatorSchema.safeParse(candidate(cell, { frequency, scope, basis, tag, schemes }));
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const k = String(i.path[0]) as CatalogueColumnKey;
      if (!issues.some((x) => x.column === zh(k))) issue(k, i.message);
    }
    // The schema compares the bounds only when every field parsed; say it here too.
    const [min, max] = [parseBound(cell("minValue") || "x"), parseBound(cell("maxValue") || "x")];
    if (min.ok && max.ok && compareBounds(min.value, max.value) > 0 && !issues.some((x) => x.column === zh("maxValue")))
      issue("maxValue", `上限 ${max.value} 小于下限 ${min.value}`);
  }
  if (issues.length || !parsed.success) return { issues };
  return { issues, value: parsed.data };
}

function candidate(
  cell: (k: CatalogueColumnKey) => string,
  parsed: { frequency?: Frequency; scope?: IndicatorScope; basis?: ValueBasis; tag?: IndicatorTag; schemes?: Scheme[] },
) {
  return {
    code: cell("code"),
    category: cell("category"),
    nameZh: cell("nameZh"),
    nameEn: cell("nameEn"),
    unit: cell("unit"),
    frequency: parsed.frequency,
    schemes: parsed.schemes,
    scope: parsed.scope,
    basis: parsed.basis,
    formula: cell("formula"),
    minValue: cell("minValue"),
    maxValue: cell("maxValue"),
    definition: cell("definition"),
    tag: parsed.tag,
    evidence: cell("evidence"),
  };
}
