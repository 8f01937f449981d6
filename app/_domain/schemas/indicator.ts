import { z } from "@/app/_domain/zod";
import { FREQUENCIES, INDICATOR_SCOPES, INDICATOR_TAGS, SCHEMES, VALUE_BASES } from "../catalogue";
import { parseBound, compareBounds } from "../catalogues/bounds";
import { describeFormulaIssue } from "../catalogues/check-catalogue";
import { formatFormula } from "../formula/format";
import { INDICATOR_CODE, MAX_FORMULA_LENGTH, parseFormula } from "../formula/parser";

/**
 * One indicator's fields, as the catalogue import and the local-indicator form send them. Parsing normalises:
 * the code to upper case, schemes to the order 职工/居民/合计, bounds to canonical decimals, the formula to its
 * canonical text. What needs the rest of the catalogue (references, cycles, code clashes) is checked by the
 * use case.
 */

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字`)
    .nullish()
    .transform((v) => v || null);

const bound = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined || String(v).trim() === "") return null;
    const r = parseBound(String(v));
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.message });
    return z.NEVER;
  });

export const indicatorCodeSchema = z
  .string({ message: "请填写指标编码" })
  .trim()
  .toUpperCase()
  .regex(INDICATOR_CODE, "指标编码应为 2–20 位大写字母、数字或下划线，以字母开头，例如 HF01");

const formula = z
  .string()
  .max(MAX_FORMULA_LENGTH, `公式最多 ${MAX_FORMULA_LENGTH} 个字符`)
  .nullish()
  .transform((v, ctx) => {
    if (!v || !v.trim()) return null;
    const parsed = parseFormula(v.trim());
    if (parsed.ok) return formatFormula(parsed.ast);
    ctx.addIssue({ code: "custom", message: `公式有误：${describeFormulaIssue(parsed.error)}` });
    return z.NEVER;
  });

const indicatorFields = {
  code: indicatorCodeSchema,
  category: z.string({ message: "请填写类别" }).trim().min(1, "请填写类别").max(50, "类别最多 50 个字"),
  nameZh: z.string({ message: "请填写指标名称" }).trim().min(1, "请填写指标名称").max(100, "指标名称最多 100 个字"),
  nameEn: optionalText(200, "英文名称"),
  unit: z.string({ message: "请填写单位" }).trim().min(1, "请填写单位").max(20, "单位最多 20 个字"),
  frequency: z.enum(FREQUENCIES, { message: "请选择频次（月/季/年）" }),
  schemes: z
    .array(z.enum(SCHEMES, { message: "险种应为 职工、居民 或 合计" }), { message: "请选择险种" })
    .min(1, "至少选择一个险种")
    .transform((list) => SCHEMES.filter((s) => list.includes(s))),
  scope: z.enum(INDICATOR_SCOPES, { message: "请选择层级（统筹区/医疗机构）" }),
  basis: z.enum(VALUE_BASES, { message: "请选择数值类型（流量/存量/比率）" }),
  formula,
  minValue: bound,
  maxValue: bound,
  definition: optionalText(2000, "口径说明"),
};

const boundsInOrder = (v: { minValue: string | null; maxValue: string | null }, ctx: z.RefinementCtx) => {
  if (v.minValue !== null && v.maxValue !== null && compareBounds(v.minValue, v.maxValue) > 0)
    ctx.addIssue({ code: "custom", path: ["maxValue"], message: `上限 ${v.maxValue} 小于下限 ${v.minValue}` });
};

/** A full catalogue row (import). */
export const indicatorSchema = z
  .object({
    ...indicatorFields,
    tag: z.enum(INDICATOR_TAGS, { message: "标签应为 国家底稿必选、地方增选 或 仅内部" }),
    evidence: optionalText(20, "证据等级"),
  })
  .superRefine(boundsInOrder);
export type IndicatorInput = z.input<typeof indicatorSchema>;

/** A region's own indicator (地方增选): the tag is always LOCAL and there is no evidence grade. */
export const localIndicatorSchema = z.object(indicatorFields).superRefine(boundsInOrder);
export type LocalIndicatorInput = z.input<typeof localIndicatorSchema>;
