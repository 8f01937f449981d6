/**
 * The fixed function set of the formula language. Meanings are fixed here (not configurable) so that anyone
 * can recompute a published number from its formula (docs/product.md §4). The evaluator implements them.
 */
export interface FunctionSpec {
  /** Fewest and most arguments (max null = unbounded); checked at parse time. */
  minArgs: number;
  maxArgs: number | null;
  /** Shown in the formula editor's help. */
  descriptionZh: string;
  /** Added to an arity error, where the count alone does not say what the arguments are. */
  argumentsZh?: string;
}

export const FORMULA_FUNCTIONS = {
  SUM: { minArgs: 1, maxArgs: null, descriptionZh: "求和：SUM(a, b, …) = a + b + …" },
  RATIO: { minArgs: 2, maxArgs: 2, descriptionZh: "比值：RATIO(a, b) = a ÷ b" },
  PCT: { minArgs: 2, maxArgs: 2, descriptionZh: "百分比：PCT(a, b) = a ÷ b × 100" },
  PER_1000: { minArgs: 2, maxArgs: 2, descriptionZh: "千分比：PER_1000(a, b) = a ÷ b × 1000" },
  PREV_YEAR: { minArgs: 1, maxArgs: 1, descriptionZh: "上年同期：PREV_YEAR(x) = x 在上年同月的值" },
  PREV_MONTH: { minArgs: 1, maxArgs: 1, descriptionZh: "上月：PREV_MONTH(x) = x 在上一个月的值（1 月取上年 12 月）" },
  YOY: { minArgs: 1, maxArgs: 1, descriptionZh: "同比：YOY(x) = x ÷ PREV_YEAR(x) − 1" },
  MOM: { minArgs: 1, maxArgs: 1, descriptionZh: "环比：MOM(x) = x ÷ PREV_MONTH(x) − 1" },
  AVG_MONTHLY: { minArgs: 1, maxArgs: 1, descriptionZh: "月均：AVG_MONTHLY(x) = x ÷ MONTHS_ELAPSED()" },
  MONTHS_ELAPSED: { minArgs: 0, maxArgs: 0, descriptionZh: "本年已过月数（1 月为 1）" },
  TIME_PROGRESS: { minArgs: 0, maxArgs: 0, descriptionZh: "时间进度：MONTHS_ELAPSED() ÷ 12" },
  BY_SCHEME: {
    minArgs: 3,
    maxArgs: 3,
    descriptionZh: "按险种取值：BY_SCHEME(职工, 居民, 合计)，计算职工数值时取第 1 个参数，居民取第 2 个，合计取第 3 个",
    argumentsZh: "依次为职工、居民、合计的算式",
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof FORMULA_FUNCTIONS;

export const isFunctionName = (name: string): name is FunctionName => Object.hasOwn(FORMULA_FUNCTIONS, name);

/** The arity error for a call, or null when the count fits. */
export function arityMessage(name: FunctionName, count: number): string | null {
  const { minArgs, maxArgs, argumentsZh } = FORMULA_FUNCTIONS[name] as FunctionSpec;
  if (count >= minArgs && (maxArgs === null || count <= maxArgs)) return null;
  if (maxArgs === 0) return `函数 ${name} 不接受参数，实际有 ${count} 个`;
  if (maxArgs === null) return `函数 ${name} 至少需要 ${minArgs} 个参数，实际为 ${count} 个`;
  return `函数 ${name} 需要 ${minArgs} 个参数${argumentsZh ? `（${argumentsZh}）` : ""}，实际为 ${count} 个`;
}
