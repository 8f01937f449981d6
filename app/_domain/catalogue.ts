/** Indicator catalogue vocabulary (docs/product.md §3). Pure: shared by server, forms, PDF and tests. */

export const SCHEMES = ["EMPLOYEE", "RESIDENT", "TOTAL"] as const;
export type Scheme = (typeof SCHEMES)[number];
export const SCHEME_LABELS: Record<Scheme, string> = { EMPLOYEE: "职工", RESIDENT: "居民", TOTAL: "合计" };

export const VALUE_BASES = ["FLOW", "STOCK", "RATE"] as const;
export type ValueBasis = (typeof VALUE_BASES)[number];
export const BASIS_LABELS: Record<ValueBasis, string> = { FLOW: "本年累计（流量）", STOCK: "期末值（存量）", RATE: "当期比率" };

export const FREQUENCIES = ["MONTHLY", "QUARTERLY", "YEARLY"] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const FREQUENCY_LABELS: Record<Frequency, string> = { MONTHLY: "月", QUARTERLY: "季", YEARLY: "年" };

export const INDICATOR_SCOPES = ["REGION", "INSTITUTION"] as const;
export type IndicatorScope = (typeof INDICATOR_SCOPES)[number];
export const SCOPE_LABELS: Record<IndicatorScope, string> = { REGION: "统筹区", INSTITUTION: "医疗机构" };

export const INDICATOR_TAGS = ["NATIONAL_REQUIRED", "LOCAL", "INTERNAL"] as const;
export type IndicatorTag = (typeof INDICATOR_TAGS)[number];
export const TAG_LABELS: Record<IndicatorTag, string> = { NATIONAL_REQUIRED: "国家底稿必选", LOCAL: "地方增选", INTERNAL: "仅内部" };

/** One indicator as the domain sees it. Decimal bounds are strings (never binary floats). */
export interface IndicatorDef {
  code: string;
  category: string;
  nameZh: string;
  nameEn: string | null;
  unit: string;
  frequency: Frequency;
  schemes: Scheme[];
  scope: IndicatorScope;
  basis: ValueBasis;
  /** null = an input reported in the sheet; otherwise computed by the formula engine. */
  formula: string | null;
  minValue: string | null;
  maxValue: string | null;
  definition: string | null;
  tag: IndicatorTag;
  evidence: string | null;
}

export interface CatalogueDef {
  code: string;
  name: string;
  description: string;
  reconstructed: boolean;
  indicators: IndicatorDef[];
}

export const isInput = (i: Pick<IndicatorDef, "formula">) => i.formula === null;
