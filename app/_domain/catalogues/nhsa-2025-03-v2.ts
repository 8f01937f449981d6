import type { CatalogueDef, IndicatorDef, Scheme } from "../catalogue";
import { NHSA_2025_03 } from "./nhsa-2025-03";

/**
 * The second revision of the reconstructed NHSA-2025-03 catalogue: the same 69 indicators, codes, inputs and
 * bounds, with two derived indicators computed per scheme as the reference lists them, through the formula
 * function BY_SCHEME (职工 ÷ its own denominator, 居民 ÷ its own, 合计 as before):
 * - SV03 住院率: 职工 SV02 ÷ FI01, 居民 SV02 ÷ FI02, 合计 SV02 ÷ (FI01 + FI02), each × 100;
 * - BG03 下一年度医保总额增长率: BG01 ÷ FE01 (职工), ÷ FE02 (居民), ÷ FE03 (合计), − 1, × 100.
 * Their 合计 values equal NHSA-2025-03's. NHSA-2025-03 itself stays as shipped (sheets and publications name it).
 */

export const NHSA_2025_03_V2_CODE = "NHSA-2025-03-V2";

const PER_SCHEME: Scheme[] = ["EMPLOYEE", "RESIDENT", "TOTAL"];

const CHANGED: Record<string, Pick<IndicatorDef, "schemes" | "formula" | "definition">> = {
  SV03: {
    schemes: PER_SCHEME,
    formula: "PCT(SV02, BY_SCHEME(FI01, FI02, FI01.EMPLOYEE + FI02.RESIDENT))",
    definition:
      "住院人次 ÷ 参保人数 × 100%，本年累计，不年化，按险种分列：职工 = 职工住院人次 ÷ 职工医保参保人数，居民 = 居民住院人次 ÷ 居民医保参保人数，合计 = 住院人次合计 ÷（职工 + 居民参保人数）。由系统计算。",
  },
  BG03: {
    schemes: PER_SCHEME,
    formula: "(BG01 / BY_SCHEME(FE01, FE02, FE03) - 1) * 100",
    definition:
      "（下一年度总额预算 ÷ 本年统筹基金支出 − 1）× 100%，按险种分列：职工以职工医保统筹基金支出、居民以居民医保基金支出、合计以统筹基金支出合计为本年支出，以 12 月报送期的本年累计支出为全年支出。由系统计算。",
  },
};

export const NHSA_2025_03_V2: CatalogueDef = {
  code: NHSA_2025_03_V2_CODE,
  name: "医保数据工作组数据底稿（2025年3月版，据公开资料重建，第2版）",
  description: `${NHSA_2025_03.description}第 2 版：住院率（SV03）与下一年度医保总额增长率（BG03）按职工、居民分列并计算合计。`,
  reconstructed: true,
  indicators: NHSA_2025_03.indicators.map((i) => (CHANGED[i.code] ? { ...i, ...CHANGED[i.code] } : i)),
};
