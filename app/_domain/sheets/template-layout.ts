import { canonicalJson } from "../canonical-json";
import { type IndicatorDef, type Scheme, SCHEMES, SCHEME_LABELS, isInput } from "../catalogue";

/**
 * The layout of the xlsx base-sheet template (docs/product.md §4), shared by its writer and its reader:
 * sheet names, header rows, which indicators go where, and the canonical layout text whose SHA-256 is
 * the template hash. The reader rebuilds the layout from the file's own rows and compares hashes, so a
 * template whose rows or columns were added, removed or retitled is recognised.
 */

export const REGION_SHEET = "区域表";
export const INSTITUTION_SHEET = "机构表";
export const HELP_SHEET = "填写说明";
export const META_SHEET = "_meta";
export const TEMPLATE_FORMAT = "liangdi-sheet-template";
export const TEMPLATE_VERSION = "1";

/** 区域表: row 1 title, row 2 header, data from row 3; value columns E–G, one per scheme. */
export const REGION_HEADER_ROW = 2;
export const REGION_FIRST_ROW = 3;
export const REGION_FIXED_HEADERS = ["类别", "指标编码", "指标名称", "单位"] as const;
export const REGION_CODE_COL = 2;
export const REGION_SCHEME_COLS: Record<Scheme, number> = { EMPLOYEE: 5, RESIDENT: 6, TOTAL: 7 };

/** 机构表: row 1 title, rows 2–4 header (indicator code, name with unit, scheme), data from row 5. */
export const INST_CODE_ROW = 2;
export const INST_NAME_ROW = 3;
export const INST_SCHEME_ROW = 4;
export const INST_FIRST_ROW = 5;
export const INST_FIXED_HEADERS = ["机构编码", "机构名称", "等级"] as const;
export const INST_FIRST_VALUE_COL = INST_FIXED_HEADERS.length + 1;

export const META_KEYS = ["format", "version", "region_code", "region_name", "period", "catalogue_code", "template_hash"] as const;
export type MetaKey = (typeof META_KEYS)[number];

export interface InstitutionColumn {
  indicator: IndicatorDef;
  scheme: Scheme;
}

/** Region-level inputs grouped by category (categories in catalogue order, then catalogue order within). */
export function regionRows(indicators: readonly IndicatorDef[]): IndicatorDef[] {
  const byCategory = new Map<string, IndicatorDef[]>();
  for (const i of indicators) {
    if (i.scope !== "REGION" || !isInput(i)) continue;
    const list = byCategory.get(i.category) ?? [];
    list.push(i);
    byCategory.set(i.category, list);
  }
  return [...byCategory.values()].flat();
}

/** Institution-level inputs: one column per indicator and scheme it has, in catalogue and scheme order. */
export function institutionColumns(indicators: readonly IndicatorDef[]): InstitutionColumn[] {
  const cols: InstitutionColumn[] = [];
  for (const i of indicators)
    if (i.scope === "INSTITUTION" && isInput(i)) for (const s of SCHEMES) if (i.schemes.includes(s)) cols.push({ indicator: i, scheme: s });
  return cols;
}

/** 机构表 row 3: the name with its unit; a percentage says how to type it (「（%，填 98.28）」, see typing-slips.ts). */
export const institutionColumnTitle = (i: Pick<IndicatorDef, "nameZh" | "unit">) =>
  i.unit === "%" ? `${i.nameZh}（%，填 98.28）` : i.unit ? `${i.nameZh}（${i.unit}）` : i.nameZh;

/** What the hash covers, as found in (or written to) the file. Order does not matter: every list is sorted. */
export interface TemplateLayout {
  /** 区域表 header texts (row 2). */
  regionHeader: string[];
  /** 区域表 indicator codes, one per data row. */
  regionRows: string[];
  /** 机构表 columns: the fixed titles, then "CODE|职工" for each value column. */
  institutionColumns: string[];
  /** 机构表 institution codes, one per data row. */
  institutionRows: string[];
}

export const institutionColumnKey = (code: string, schemeLabel: string) => `${code}|${schemeLabel}`;

/** The layout a template for these indicators and institutions has. */
export function expectedLayout(indicators: readonly IndicatorDef[], institutionCodes: readonly string[]): TemplateLayout {
  return {
    regionHeader: [...REGION_FIXED_HEADERS, ...SCHEMES.map((s) => SCHEME_LABELS[s])],
    regionRows: regionRows(indicators).map((i) => i.code),
    institutionColumns: [
      ...INST_FIXED_HEADERS,
      ...institutionColumns(indicators).map((c) => institutionColumnKey(c.indicator.code, SCHEME_LABELS[c.scheme])),
    ],
    institutionRows: [...institutionCodes],
  };
}

/** The canonical text hashed into the template hash. */
export function layoutText(layout: TemplateLayout): string {
  const sorted = (a: string[]) => [...a].sort();
  return canonicalJson({
    v: TEMPLATE_VERSION,
    regionHeader: sorted(layout.regionHeader),
    regionRows: sorted(layout.regionRows),
    institutionColumns: sorted(layout.institutionColumns),
    institutionRows: sorted(layout.institutionRows),
  });
}

export const SCHEME_BY_LABEL = new Map<string, Scheme>(SCHEMES.map((s) => [SCHEME_LABELS[s], s]));
