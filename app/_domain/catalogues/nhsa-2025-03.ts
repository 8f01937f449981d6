import type { CatalogueDef, Frequency, IndicatorDef, IndicatorScope, Scheme, ValueBasis } from "../catalogue";

/**
 * The default catalogue: the national 数据底稿 (March 2025 version, 8 categories, 49 indicators) as reconstructed
 * from public sources (the official list is not public; docs/catalogue.md says how), plus an
 * institution-level set (IN01–IN20) of what regional data groups publish to hospitals. Every deployment gets it (ensureBuiltInCatalogues).
 *
 * Conventions, so that the formula engine and the sheet validator can rely on them:
 * - FLOW values are reported year-to-date (本年累计); STOCK values at period end; RATE values for the period.
 * - Percentages are stored as percent values (97.69, not 0.9769), as the source tables print them.
 * - A formula yields the value in the indicator's unit, so a % growth is `YOY(x) * 100`.
 * - A derived indicator is evaluated once per scheme it has; an unqualified reference means the same scheme,
 *   so a reference to an indicator that lacks that scheme is written scheme-qualified (FI03.EMPLOYEE).
 * - Bounds are plausibility limits for one pooling region (or one institution), not legal limits; money may be
 *   negative only for balances.
 *
 * This file is data: never edit a shipped version in place once deployed (regions' sheets use it); publish a
 * new version (a new file and code) instead.
 */

export const NHSA_2025_03_CODE = "NHSA-2025-03";

const E: Scheme[] = ["EMPLOYEE"];
const R: Scheme[] = ["RESIDENT"];
const ER: Scheme[] = ["EMPLOYEE", "RESIDENT", "TOTAL"];
const T: Scheme[] = ["TOTAL"];
const M: Frequency = "MONTHLY";
const Q: Frequency = "QUARTERLY";
const Y: Frequency = "YEARLY";

export const NHSA_CATEGORIES = {
  FI: "基金收入",
  FE: "基金支出",
  FB: "基金结余",
  MA: "城乡医疗救助",
  BG: "下一年度统筹地区医保总额",
  PM: "DRG/DIP支付方式",
  SV: "医疗机构服务情况",
  SC: "基金支撑能力",
} as const;
const C = NHSA_CATEGORIES;

// Plausibility bounds, as decimal strings.
const PEOPLE = ["0", "50000000"] as const; // 人: a pooling region's enrolees
const MONEY = ["0", "50000000"] as const; // 万元: up to 5,000 亿元 year-to-date
const BALANCE = ["-50000000", "100000000"] as const; // 万元: balances may be negative
const PERCENT = ["0", "100"] as const;
const GROWTH = ["-100", "1000"] as const; // % change

interface Spec {
  code: string;
  category: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  frequency: Frequency;
  schemes: Scheme[];
  basis: ValueBasis;
  formula?: string;
  bounds: readonly [string, string];
  evidence: string;
  definition: string;
  scope?: IndicatorScope;
}

const def = (s: Spec): IndicatorDef => ({
  code: s.code,
  category: s.category,
  nameZh: s.nameZh,
  nameEn: s.nameEn,
  unit: s.unit,
  frequency: s.frequency,
  schemes: s.schemes,
  scope: s.scope ?? "REGION",
  basis: s.basis,
  formula: s.formula ?? null,
  minValue: s.bounds[0],
  maxValue: s.bounds[1],
  definition: s.definition,
  tag: "NATIONAL_REQUIRED",
  evidence: s.evidence,
});

const REGION_INDICATORS: IndicatorDef[] = [
  // ── 基金收入 ───────────────────────────────────────────────────────────────────────────────────────
  def({
    code: "FI01", category: C.FI, nameZh: "职工医保参保人数", nameEn: "Employee-scheme enrolees", unit: "人",
    frequency: M, schemes: E, basis: "STOCK", bounds: PEOPLE, evidence: "B",
    definition: "报告期末参加职工基本医疗保险（含生育保险）的人数，含在职职工和退休人员，按参保登记口径统计；期末时点数。",
  }),
  def({
    code: "FI02", category: C.FI, nameZh: "居民医保参保人数", nameEn: "Resident-scheme enrolees", unit: "人",
    frequency: M, schemes: R, basis: "STOCK", bounds: PEOPLE, evidence: "B",
    definition: "报告期末参加城乡居民基本医疗保险的人数（含成年人、中小学生儿童、大学生），按当年度参保缴费登记口径统计；期末时点数。",
  }),
  def({
    code: "FI03", category: C.FI, nameZh: "职工医保统筹基金收入（含生育保险）", nameEn: "Employee pooled-fund income (incl. maternity)", unit: "万元",
    frequency: M, schemes: E, basis: "FLOW", bounds: MONEY, evidence: "A+B",
    definition: "本年 1 月至报告月职工基本医疗保险统筹基金收入累计数，含生育保险基金收入，不含个人账户收入（国家医保局自 2024 年起按统筹基金口径公布）；含缴费、利息、财政补助及其他收入。本年累计值。",
  }),
  def({
    code: "FI04", category: C.FI, nameZh: "居民医保基金收入", nameEn: "Resident fund income", unit: "万元",
    frequency: M, schemes: R, basis: "FLOW", bounds: MONEY, evidence: "A+B",
    definition: "本年 1 月至报告月城乡居民基本医疗保险基金收入累计数，含个人缴费、各级财政补助、医疗救助资助参保、利息及其他收入。居民个人缴费多在第四季度到账，前三季度累计收入偏低属正常。本年累计值。",
  }),
  def({
    code: "FI05", category: C.FI, nameZh: "基本医保统筹基金收入合计", nameEn: "Total pooled-fund income", unit: "万元",
    frequency: M, schemes: T, basis: "FLOW", formula: "FI03.EMPLOYEE + FI04.RESIDENT", bounds: MONEY, evidence: "B",
    definition: "职工医保统筹基金收入（含生育保险）与居民医保基金收入之和，本年累计；由系统计算。",
  }),
  def({
    code: "FI06", category: C.FI, nameZh: "职工医保统筹基金收入同比增长率", nameEn: "Employee pooled-fund income y/y growth", unit: "%",
    frequency: M, schemes: E, basis: "RATE", formula: "YOY(FI03) * 100", bounds: GROWTH, evidence: "B/R",
    definition: "（职工医保统筹基金收入本年累计 ÷ 上年同期累计 − 1）× 100%；上年同期无数据时不计算。由系统计算。",
  }),
  def({
    code: "FI07", category: C.FI, nameZh: "居民医保基金收入同比增长率", nameEn: "Resident fund income y/y growth", unit: "%",
    frequency: M, schemes: R, basis: "RATE", formula: "YOY(FI04) * 100", bounds: GROWTH, evidence: "B/R",
    definition: "（居民医保基金收入本年累计 ÷ 上年同期累计 − 1）× 100%；居民缴费到账时点年际不同，月度同比波动较大。由系统计算。",
  }),
  // ── 基金支出 ───────────────────────────────────────────────────────────────────────────────────────
  def({
    code: "FE01", category: C.FE, nameZh: "职工医保统筹基金支出（含生育保险）", nameEn: "Employee pooled-fund expenditure (incl. maternity)", unit: "万元",
    frequency: M, schemes: E, basis: "FLOW", bounds: MONEY, evidence: "A+B",
    definition: "本年 1 月至报告月职工医保统筹基金支出累计数，含住院、门诊（门诊统筹、门诊慢特病）、生育保险待遇及其他支出，不含个人账户支出。本年累计值。",
  }),
  def({
    code: "FE02", category: C.FE, nameZh: "居民医保基金支出", nameEn: "Resident fund expenditure", unit: "万元",
    frequency: M, schemes: R, basis: "FLOW", bounds: MONEY, evidence: "A+B",
    definition: "本年 1 月至报告月城乡居民医保基金支出累计数，含住院、门诊（门诊统筹、门诊慢特病）待遇支出及按规定列支的大病保险等其他支出。本年累计值。",
  }),
  def({
    code: "FE03", category: C.FE, nameZh: "基本医保统筹基金支出合计", nameEn: "Total pooled-fund expenditure", unit: "万元",
    frequency: M, schemes: T, basis: "FLOW", formula: "FE01.EMPLOYEE + FE02.RESIDENT", bounds: MONEY, evidence: "B",
    definition: "职工医保统筹基金支出（含生育保险）与居民医保基金支出之和，本年累计；由系统计算。",
  }),
  def({
    code: "FE04", category: C.FE, nameZh: "住院费用统筹基金支出", nameEn: "Pooled-fund inpatient spending", unit: "万元",
    frequency: M, schemes: ER, basis: "FLOW", bounds: MONEY, evidence: "B/R",
    definition: "本年累计统筹基金为参保人住院医疗费用支付的金额，按职工、居民分别填报，合计 = 职工 + 居民。",
  }),
  def({
    code: "FE05", category: C.FE, nameZh: "门诊费用统筹基金支出（含门诊慢特病、门诊统筹）", nameEn: "Pooled-fund outpatient spending", unit: "万元",
    frequency: M, schemes: ER, basis: "FLOW", bounds: MONEY, evidence: "B/R",
    definition: "本年累计统筹基金支付的门诊费用，含普通门诊统筹和门诊慢特病，不含个人账户支付；按职工、居民分别填报，合计 = 职工 + 居民。",
  }),
  def({
    code: "FE06", category: C.FE, nameZh: "职工医保统筹基金支出同比增长率", nameEn: "Employee pooled-fund expenditure y/y growth", unit: "%",
    frequency: M, schemes: E, basis: "RATE", formula: "YOY(FE01) * 100", bounds: GROWTH, evidence: "B/R",
    definition: "（职工医保统筹基金支出本年累计 ÷ 上年同期累计 − 1）× 100%；上年同期无数据时不计算。由系统计算。",
  }),
  def({
    code: "FE07", category: C.FE, nameZh: "居民医保基金支出同比增长率", nameEn: "Resident fund expenditure y/y growth", unit: "%",
    frequency: M, schemes: R, basis: "RATE", formula: "YOY(FE02) * 100", bounds: GROWTH, evidence: "B/R",
    definition: "（居民医保基金支出本年累计 ÷ 上年同期累计 − 1）× 100%；上年同期无数据时不计算。由系统计算。",
  }),
  // ── 基金结余 ───────────────────────────────────────────────────────────────────────────────────────
  def({
    code: "FB01", category: C.FB, nameZh: "职工医保统筹基金当期结余", nameEn: "Employee pooled fund current-period surplus", unit: "万元",
    frequency: M, schemes: E, basis: "FLOW", formula: "FI03 - FE01", bounds: BALANCE, evidence: "A+B",
    definition: "职工医保统筹基金本年累计收入减本年累计支出，即本年截至报告月的收支结余，可为负。由系统计算。",
  }),
  def({
    code: "FB02", category: C.FB, nameZh: "居民医保基金当期结余", nameEn: "Resident fund current-period surplus", unit: "万元",
    frequency: M, schemes: R, basis: "FLOW", formula: "FI04 - FE02", bounds: BALANCE, evidence: "A+B",
    definition: "居民医保基金本年累计收入减本年累计支出。个人缴费多在第四季度到账，第四季度前为负属正常，不作为错误。由系统计算。",
  }),
  def({
    code: "FB03", category: C.FB, nameZh: "职工医保统筹基金累计结余", nameEn: "Employee pooled fund cumulative balance", unit: "万元",
    frequency: M, schemes: E, basis: "STOCK", bounds: BALANCE, evidence: "B",
    definition: "报告期末职工医保统筹基金滚存结余（统计公报称“累计结存”），= 上年末累计结余 + 本年当期结余 ± 上解下拨等调整；期末时点数。",
  }),
  def({
    code: "FB04", category: C.FB, nameZh: "居民医保基金累计结余", nameEn: "Resident fund cumulative balance", unit: "万元",
    frequency: M, schemes: R, basis: "STOCK", bounds: BALANCE, evidence: "B",
    definition: "报告期末居民医保基金滚存结余，= 上年末累计结余 + 本年当期结余 ± 上解下拨等调整；期末时点数。",
  }),
  def({
    code: "FB05", category: C.FB, nameZh: "职工医保统筹基金累计结余可支付月数", nameEn: "Employee fund months of expenditure covered", unit: "月",
    frequency: Q, schemes: E, basis: "RATE", formula: "FB03 / AVG_MONTHLY(FE01)", bounds: ["-120", "600"], evidence: "B/R",
    definition: "期末累计结余 ÷ 本年月均统筹基金支出（本年累计支出 ÷ 已过月数）；年末即年末累计结余 ÷（全年支出 ÷ 12）。反映基金支付能力，按季度公布。由系统计算。",
  }),
  def({
    code: "FB06", category: C.FB, nameZh: "居民医保基金累计结余可支付月数", nameEn: "Resident fund months of expenditure covered", unit: "月",
    frequency: Q, schemes: R, basis: "RATE", formula: "FB04 / AVG_MONTHLY(FE02)", bounds: ["-120", "600"], evidence: "B/R",
    definition: "期末居民医保累计结余 ÷ 本年月均基金支出（本年累计支出 ÷ 已过月数）。按季度公布。由系统计算。",
  }),
  // ── 城乡医疗救助 ───────────────────────────────────────────────────────────────────────────────────
  def({
    code: "MA01", category: C.MA, nameZh: "城乡医疗救助基金收入", nameEn: "Medical-assistance fund income", unit: "万元",
    frequency: M, schemes: T, basis: "FLOW", bounds: ["0", "10000000"], evidence: "A+B",
    definition: "本年累计城乡医疗救助资金收入，含中央、省、市、县各级财政补助（上级补助）、利息及社会捐赠等其他收入。",
  }),
  def({
    code: "MA02", category: C.MA, nameZh: "城乡医疗救助基金支出", nameEn: "Medical-assistance fund expenditure", unit: "万元",
    frequency: M, schemes: T, basis: "FLOW", bounds: ["0", "10000000"], evidence: "A+B",
    definition: "本年累计城乡医疗救助资金支出，含资助参加居民医保（定额资助参保）支出和门诊、住院直接救助支出。",
  }),
  def({
    code: "MA03", category: C.MA, nameZh: "城乡医疗救助基金当期结余", nameEn: "Medical-assistance fund current-period surplus", unit: "万元",
    frequency: M, schemes: T, basis: "FLOW", formula: "MA01 - MA02", bounds: ["-10000000", "10000000"], evidence: "A",
    definition: "城乡医疗救助基金本年累计收入减本年累计支出，可为负。由系统计算。",
  }),
  def({
    code: "MA04", category: C.MA, nameZh: "医疗救助资助参保人数", nameEn: "Persons with contributions subsidised by assistance", unit: "人",
    frequency: Q, schemes: T, basis: "STOCK", bounds: PEOPLE, evidence: "B",
    definition: "本年度由医疗救助资金资助参加城乡居民医保的人数，不含其他部门资助参保人数；期末时点数，按季度填报。",
  }),
  def({
    code: "MA05", category: C.MA, nameZh: "医疗救助门诊和住院救助人次", nameEn: "Outpatient and inpatient assistance cases", unit: "人次",
    frequency: Q, schemes: T, basis: "FLOW", bounds: ["0", "100000000"], evidence: "B",
    definition: "本年累计医疗救助门诊救助人次与住院救助人次之和，按季度填报。",
  }),
  // ── 下一年度统筹地区医保总额 ─────────────────────────────────────────────────────────────────────────
  def({
    code: "BG01", category: C.BG, nameZh: "下一年度统筹地区医保基金支出总额（总额预算）", nameEn: "Next-year global budget of pooled-fund spending", unit: "万元",
    frequency: Y, schemes: ER, basis: "STOCK", bounds: MONEY, evidence: "C/R",
    definition: "统筹区按“以收定支、收支平衡、略有结余”原则确定的下一年度统筹基金支出总额预算，按职工、居民分列及合计；年度填报（一般随 12 月底稿报送），为计划数而非累计数。",
  }),
  def({
    code: "BG02", category: C.BG, nameZh: "其中：住院（DRG/DIP付费）总额预算", nameEn: "of which inpatient DRG/DIP budget", unit: "万元",
    frequency: Y, schemes: ER, basis: "STOCK", bounds: MONEY, evidence: "R",
    definition: "下一年度总额预算中用于住院按 DRG/DIP 付费结算的部分，按职工、居民分列及合计；年度填报。",
  }),
  def({
    code: "BG03", category: C.BG, nameZh: "下一年度医保总额增长率", nameEn: "Next-year budget growth vs current-year spending", unit: "%",
    frequency: Y, schemes: T, basis: "RATE", formula: "(BG01 / FE03 - 1) * 100", bounds: GROWTH, evidence: "R",
    definition: "（下一年度总额预算合计 ÷ 本年统筹基金支出合计 − 1）× 100%，以 12 月报送期的本年累计支出为全年支出。重建说明：参考资料按险种分列，但各险种分母分属不同指标（FE01/FE02/FE03），公式不能按险种切换，本版本只计算合计。由系统计算。",
  }),
  // ── DRG/DIP支付方式 ──────────────────────────────────────────────────────────────────────────────────
  def({
    code: "PM01", category: C.PM, nameZh: "开展DRG/DIP付费定点医疗机构数", nameEn: "Designated hospitals paid by DRG/DIP", unit: "个",
    frequency: Y, schemes: T, basis: "STOCK", bounds: ["0", "10000"], evidence: "R",
    definition: "年末实际按 DRG 或 DIP 方式结算住院费用的定点医疗机构数；年度填报。",
  }),
  def({
    code: "PM02", category: C.PM, nameZh: "DRG/DIP结算病例数", nameEn: "Inpatient cases settled by DRG/DIP", unit: "人次",
    frequency: M, schemes: T, basis: "FLOW", bounds: ["0", "50000000"], evidence: "A",
    definition: "本年累计按 DRG/DIP 病组（病种）付费标准结算的住院病例数（“DIP 月住院病历结算份数”的累计）。",
  }),
  def({
    code: "PM03", category: C.PM, nameZh: "DRG/DIP结算人次占比", nameEn: "Share of inpatient cases settled by DRG/DIP", unit: "%",
    frequency: M, schemes: T, basis: "RATE", formula: "PCT(PM02, SV02)", bounds: PERCENT, evidence: "A+B",
    definition: "DRG/DIP 结算病例数 ÷ 住院人次（出院结算人次，合计）× 100%，本年累计。由系统计算。",
  }),
  def({
    code: "PM04", category: C.PM, nameZh: "按DRG/DIP付费统筹基金支出", nameEn: "Pooled-fund spending paid via DRG/DIP", unit: "万元",
    frequency: Q, schemes: ER, basis: "FLOW", bounds: MONEY, evidence: "R",
    definition: "本年累计按 DRG/DIP 方式结算的住院统筹基金支付额，按职工、居民分列及合计；按季度填报。",
  }),
  def({
    code: "PM05", category: C.PM, nameZh: "DRG/DIP付费基金占住院统筹基金支出比例", nameEn: "DRG/DIP share of inpatient pooled-fund spending", unit: "%",
    frequency: Q, schemes: ER, basis: "RATE", formula: "PCT(PM04, FE04)", bounds: PERCENT, evidence: "B",
    definition: "按 DRG/DIP 付费统筹基金支出 ÷ 住院费用统筹基金支出 × 100%，本年累计，按险种分列（统计公报称“按病种付费的基金占全部符合条件住院医保基金支出比例”）。由系统计算。",
  }),
  def({
    code: "PM06", category: C.PM, nameZh: "医保结算清单上传率", nameEn: "Settlement-list upload rate", unit: "%",
    frequency: M, schemes: T, basis: "RATE", bounds: PERCENT, evidence: "A",
    definition: "报告期内按时上传的医保结算清单份数 ÷ 应上传清单份数（需上传清单的结算病例）× 100%，体现清单上传及时性；由经办系统统计后填报。",
  }),
  def({
    code: "PM07", category: C.PM, nameZh: "医保结算清单质控通过率", nameEn: "Settlement-list QC pass rate", unit: "%",
    frequency: M, schemes: T, basis: "RATE", bounds: PERCENT, evidence: "A",
    definition: "报告期内通过质控规则校验（诊断与手术、诊断与年龄性别匹配等）的清单份数 ÷ 已上传清单份数 × 100%。",
  }),
  def({
    code: "PM08", category: C.PM, nameZh: "按项目拨付（含特例单议）病例数", nameEn: "Cases paid fee-for-service (incl. special review)", unit: "人次",
    frequency: M, schemes: T, basis: "FLOW", bounds: ["0", "50000000"], evidence: "A",
    definition: "本年累计未按 DRG/DIP 标准付费、而按项目拨付的住院病例数，含经特例单议评审后按项目结算的病例。",
  }),
  // ── 医疗机构服务情况 ───────────────────────────────────────────────────────────────────────────────
  def({
    code: "SV01", category: C.SV, nameZh: "门诊（门急诊）人次", nameEn: "Outpatient visits", unit: "人次",
    frequency: M, schemes: ER, basis: "FLOW", bounds: ["0", "1000000000"], evidence: "A+B",
    definition: "本年累计参保人员在定点医疗机构门（急）诊就诊并医保结算的人次，按职工、居民分列及合计。",
  }),
  def({
    code: "SV02", category: C.SV, nameZh: "住院人次（出院结算人次）", nameEn: "Inpatient discharges (settled)", unit: "人次",
    frequency: M, schemes: ER, basis: "FLOW", bounds: ["0", "50000000"], evidence: "A+B",
    definition: "本年累计参保人员在定点医疗机构出院并完成医保结算的人次，按职工、居民分列及合计。",
  }),
  def({
    code: "SV03", category: C.SV, nameZh: "住院率", nameEn: "Hospitalisation rate", unit: "%",
    frequency: M, schemes: T, basis: "RATE", formula: "PCT(SV02, FI01.EMPLOYEE + FI02.RESIDENT)", bounds: PERCENT, evidence: "A+B",
    definition: "住院人次（合计）÷ 基本医保参保人数（职工 + 居民）× 100%，本年累计，不年化。重建说明：参考资料按险种分列（职工 ÷ FI01、居民 ÷ FI02），但公式不能按险种切换分母，本版本只计算合计。由系统计算。",
  }),
  def({
    code: "SV04", category: C.SV, nameZh: "住院总费用", nameEn: "Total inpatient medical expenses", unit: "万元",
    frequency: M, schemes: ER, basis: "FLOW", bounds: ["0", "100000000"], evidence: "A",
    definition: "本年累计参保人员出院结算的住院医疗总费用（统筹基金支付、个人自付、自费等全部费用），按职工、居民分列及合计。",
  }),
  def({
    code: "SV05", category: C.SV, nameZh: "次均住院费用", nameEn: "Average expense per inpatient stay", unit: "元",
    frequency: M, schemes: ER, basis: "RATE", formula: "SV04 * 10000 / SV02", bounds: ["0", "200000"], evidence: "A+B",
    definition: "住院总费用（万元换算为元）÷ 住院人次，本年累计，按险种分列。由系统计算。",
  }),
  def({
    code: "SV06", category: C.SV, nameZh: "住院总床日数", nameEn: "Total inpatient bed-days", unit: "床日",
    frequency: M, schemes: ER, basis: "FLOW", bounds: ["0", "500000000"], evidence: "R",
    definition: "本年累计出院结算病例的实际住院床日数之和，按职工、居民分列及合计（平均住院日的分子）。",
  }),
  def({
    code: "SV07", category: C.SV, nameZh: "平均住院日（次均住院床日）", nameEn: "Average length of stay", unit: "天",
    frequency: M, schemes: ER, basis: "RATE", formula: "SV06 / SV02", bounds: ["0", "365"], evidence: "B",
    definition: "住院总床日数 ÷ 住院人次，本年累计，按险种分列（统计公报称“次均住院床日”）。由系统计算。",
  }),
  def({
    code: "SV08", category: C.SV, nameZh: "政策范围内（目录内）住院费用", nameEn: "In-catalogue inpatient expenses", unit: "万元",
    frequency: Q, schemes: ER, basis: "FLOW", bounds: ["0", "100000000"], evidence: "B/R",
    definition: "本年累计住院费用中符合基本医保药品、医用耗材和医疗服务项目目录的费用，按职工、居民分列及合计；按季度填报。",
  }),
  def({
    code: "SV09", category: C.SV, nameZh: "政策范围内住院费用基金支付比例", nameEn: "Fund share of in-catalogue inpatient expenses", unit: "%",
    frequency: Q, schemes: ER, basis: "RATE", formula: "PCT(FE04, SV08)", bounds: PERCENT, evidence: "B",
    definition: "住院费用统筹基金支出 ÷ 政策范围内住院费用 × 100%，本年累计，按险种分列；2023 年起统计公报称“住院费用目录内基金支付比例”，两者视为同一指标。由系统计算。",
  }),
  def({
    code: "SV10", category: C.SV, nameZh: "门诊住院人次比", nameEn: "Outpatient-to-inpatient visit ratio", unit: "比值",
    frequency: M, schemes: T, basis: "RATE", formula: "SV01 / SV02", bounds: ["0", "10000"], evidence: "A",
    definition: "门（急）诊人次 ÷ 住院人次（合计），本年累计，展示为“x:1”。由系统计算。",
  }),
  def({
    code: "SV11", category: C.SV, nameZh: "出院人次同比增长率", nameEn: "Discharges y/y growth", unit: "%",
    frequency: M, schemes: T, basis: "RATE", formula: "YOY(SV02) * 100", bounds: GROWTH, evidence: "A",
    definition: "（住院人次本年累计 ÷ 上年同期累计 − 1）× 100%，合计口径；上年同期无数据时不计算。由系统计算。",
  }),
  // ── 基金支撑能力 ───────────────────────────────────────────────────────────────────────────────────
  def({
    code: "SC01", category: C.SC, nameZh: "千人定点医疗机构床位数", nameEn: "Designated-hospital beds per 1000", unit: "张/千人",
    frequency: Y, schemes: T, basis: "RATE", bounds: ["0", "50"], evidence: "C",
    definition: "年末定点医疗机构实有床位数 ÷ 人口 × 1000，在底稿中直接填报；分母用参保人数（职工 + 居民）还是常住人口，底稿未明确，请在地方口径中注明。按年度公开。",
  }),
  def({
    code: "SC02", category: C.SC, nameZh: "千人定点零售药店数", nameEn: "Designated retail pharmacies per 1000", unit: "家/千人",
    frequency: Y, schemes: T, basis: "RATE", bounds: ["0", "10"], evidence: "C",
    definition: "年末定点零售药店数 ÷ 人口 × 1000（通常小于 1，展示 2–3 位小数），在底稿中直接填报；分母口径同千人床位数。按年度公开。",
  }),
];

// ── Institution level (per designated hospital; docs/catalogue.md) ────────────────────────────────────
const INST = (s: Omit<Spec, "scope" | "schemes">) => def({ ...s, schemes: T, scope: "INSTITUTION" });
const INST_MONEY = ["0", "5000000"] as const; // 万元: up to 500 亿元 year-to-date for one hospital
const INDEX = ["0", "10"] as const;

const INSTITUTION_INDICATORS: IndicatorDef[] = [
  INST({
    code: "IN01", category: C.SV, nameZh: "门急诊人次", nameEn: "Outpatient and emergency visits", unit: "人次",
    frequency: M, basis: "FLOW", bounds: ["0", "50000000"], evidence: "A",
    definition: "本年累计参保人员在本机构门（急）诊就诊并医保结算的人次（职工与居民合计）。",
  }),
  INST({
    code: "IN02", category: C.SV, nameZh: "出院人次", nameEn: "Discharges", unit: "人次",
    frequency: M, basis: "FLOW", bounds: ["0", "2000000"], evidence: "A",
    definition: "本年累计参保人员在本机构出院并完成医保结算的人次（职工与居民合计）。",
  }),
  INST({
    code: "IN03", category: C.SV, nameZh: "住院总费用", nameEn: "Total inpatient expenses", unit: "万元",
    frequency: M, basis: "FLOW", bounds: INST_MONEY, evidence: "A",
    definition: "本年累计参保人员在本机构出院结算的住院医疗总费用（含统筹基金支付、个人自付和自费）。",
  }),
  INST({
    code: "IN04", category: C.FE, nameZh: "住院统筹基金支付", nameEn: "Pooled-fund payment for inpatient care", unit: "万元",
    frequency: M, basis: "FLOW", bounds: INST_MONEY, evidence: "B",
    definition: "本年累计统筹基金为参保人员在本机构住院结算支付的金额（职工与居民合计，不含个人账户、大病保险和医疗救助）。",
  }),
  INST({
    code: "IN05", category: C.SV, nameZh: "次均住院费用", nameEn: "Average expense per inpatient stay", unit: "元",
    frequency: M, basis: "RATE", formula: "IN03 * 10000 / IN02", bounds: ["0", "500000"], evidence: "A+B",
    definition: "住院总费用（万元换算为元）÷ 出院人次，本年累计。由系统计算。",
  }),
  INST({
    code: "IN06", category: C.SV, nameZh: "住院总床日数", nameEn: "Total inpatient bed-days", unit: "床日",
    frequency: M, basis: "FLOW", bounds: ["0", "20000000"], evidence: "R",
    definition: "本年累计本机构出院结算病例的实际住院床日数之和。",
  }),
  INST({
    code: "IN07", category: C.SV, nameZh: "平均住院日", nameEn: "Average length of stay", unit: "天",
    frequency: M, basis: "RATE", formula: "IN06 / IN02", bounds: ["0", "365"], evidence: "B",
    definition: "住院总床日数 ÷ 出院人次，本年累计；同比变化以“天”表示。由系统计算。",
  }),
  INST({
    code: "IN08", category: C.SV, nameZh: "住院自费费用", nameEn: "Inpatient out-of-scope (self-pay) expenses", unit: "万元",
    frequency: M, basis: "FLOW", bounds: INST_MONEY, evidence: "C",
    definition: "本年累计本机构住院费用中医保目录外、由参保人全额自费的费用（不含目录内个人自付部分）。",
  }),
  INST({
    code: "IN09", category: C.SV, nameZh: "住院费用自费率", nameEn: "Inpatient self-pay rate", unit: "%",
    frequency: M, basis: "RATE", formula: "PCT(IN08, IN03)", bounds: PERCENT, evidence: "C",
    definition: "住院自费费用 ÷ 住院总费用 × 100%，本年累计。由系统计算。",
  }),
  INST({
    code: "IN10", category: C.PM, nameZh: "DRG/DIP入组率", nameEn: "DRG/DIP grouping rate", unit: "%",
    frequency: M, basis: "RATE", bounds: PERCENT, evidence: "C",
    definition: "报告期内成功入组的出院病例数 ÷ 全部出院病例数 × 100%，由经办系统分组后填报。",
  }),
  INST({
    code: "IN11", category: C.PM, nameZh: "病例组合指数（CMI）", nameEn: "Case-mix index (CMI)", unit: "指数",
    frequency: M, basis: "RATE", bounds: INDEX, evidence: "C",
    definition: "DRG：Σ(病组权重 × 病例数) ÷ 病例数；DIP：本机构例均分值 ÷ 统筹区例均分值。反映收治病例的技术难度，由经办系统计算后填报。",
  }),
  INST({
    code: "IN12", category: C.PM, nameZh: "费用消耗指数", nameEn: "Cost-consumption index", unit: "指数",
    frequency: Q, basis: "RATE", bounds: INDEX, evidence: "C",
    definition: "按病组加权：Σ(本机构组均费用 ÷ 统筹区组均费用 × 本机构组病例数) ÷ 本机构病例数；大于 1 表示治疗同类疾病花费高于统筹区平均。由经办系统计算后填报。",
  }),
  INST({
    code: "IN13", category: C.PM, nameZh: "时间消耗指数", nameEn: "Time-consumption index", unit: "指数",
    frequency: Q, basis: "RATE", bounds: INDEX, evidence: "C",
    definition: "按病组加权：Σ(本机构组平均住院日 ÷ 统筹区组平均住院日 × 本机构组病例数) ÷ 本机构病例数；大于 1 表示住院时间长于统筹区平均。由经办系统计算后填报。",
  }),
  INST({
    code: "IN14", category: C.PM, nameZh: "医保结算清单上传率", nameEn: "Settlement-list upload rate", unit: "%",
    frequency: M, basis: "RATE", bounds: PERCENT, evidence: "A",
    definition: "报告期内本机构按时上传的医保结算清单份数 ÷ 应上传份数 × 100%；未按时上传占比超过阈值（如 10%）的机构应予提醒。",
  }),
  INST({
    code: "IN15", category: C.PM, nameZh: "医保结算清单质控通过率", nameEn: "Settlement-list QC pass rate", unit: "%",
    frequency: M, basis: "RATE", bounds: PERCENT, evidence: "A",
    definition: "报告期内本机构通过质控校验的清单份数 ÷ 已上传清单份数 × 100%。",
  }),
  INST({
    code: "IN16", category: C.PM, nameZh: "特例单议病例数", nameEn: "Special-case review cases", unit: "人次",
    frequency: M, basis: "FLOW", bounds: ["0", "100000"], evidence: "A",
    definition: "本年累计本机构申请并经专家评议纳入特例单议结算的病例数。",
  }),
  INST({
    code: "IN17", category: C.SV, nameZh: "14天再入院人次", nameEn: "Readmissions within 14 days", unit: "人次",
    frequency: M, basis: "FLOW", bounds: ["0", "1000000"], evidence: "C",
    definition: "本年累计出院后 14 天内再次在本机构住院的人次（非计划再入院，按结算清单判定）。",
  }),
  INST({
    code: "IN18", category: C.FE, nameZh: "门诊统筹基金支付", nameEn: "Pooled-fund payment for outpatient care", unit: "万元",
    frequency: M, basis: "FLOW", bounds: INST_MONEY, evidence: "B",
    definition: "本年累计统筹基金为参保人员在本机构门诊结算支付的金额（普通门诊统筹和门诊慢特病，不含个人账户）。",
  }),
  INST({
    code: "IN19", category: C.SV, nameZh: "14天再入院率", nameEn: "14-day readmission rate", unit: "%",
    frequency: M, basis: "RATE", formula: "PCT(IN17, IN02)", bounds: PERCENT, evidence: "C",
    definition: "14 天再入院人次 ÷ 出院人次 × 100%，本年累计。由系统计算。",
  }),
  INST({
    code: "IN20", category: C.FE, nameZh: "住院费用统筹基金支付比例", nameEn: "Pooled-fund share of inpatient expenses", unit: "%",
    frequency: M, basis: "RATE", formula: "PCT(IN04, IN03)", bounds: PERCENT, evidence: "B",
    definition: "住院统筹基金支付 ÷ 住院总费用 × 100%（全口径，含目录外费用），本年累计。由系统计算。",
  }),
];

export const NHSA_2025_03: CatalogueDef = {
  code: NHSA_2025_03_CODE,
  name: "医保数据工作组数据底稿（2025年3月版，据公开资料重建）",
  description:
    "国家医保局医保数据工作组数据底稿（2025 年 3 月版，8 类 49 项）的重建版本：官方清单未公开，据公开资料（呼伦贝尔市医保数据公开目录、国家医保局月度指标与统计公报等）重建，每项标注证据等级（A 见于地方公开目录；B 见于国家统计口径；C 仅见于会议材料；R 为推断）。另附 20 项医疗机构层级指标。",
  reconstructed: true,
  indicators: [...REGION_INDICATORS, ...INSTITUTION_INDICATORS],
};
