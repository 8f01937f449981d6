import type { IndicatorDef } from "@/app/_domain/catalogue";

/** A small hand-made catalogue for the sheet tests (the real NHSA catalogue lives elsewhere and may change). */
export function indicator(code: string, over: Partial<IndicatorDef> = {}): IndicatorDef {
  return {
    code,
    category: "基金收入",
    nameZh: `指标${code}`,
    nameEn: null,
    unit: "万元",
    frequency: "MONTHLY",
    schemes: ["EMPLOYEE", "RESIDENT", "TOTAL"],
    scope: "REGION",
    basis: "FLOW",
    formula: null,
    minValue: "0",
    maxValue: null,
    definition: null,
    tag: "NATIONAL_REQUIRED",
    evidence: null,
    ...over,
  };
}

export const TINY: IndicatorDef[] = [
  indicator("FI01", { nameZh: "职工医保参保人数", unit: "人", basis: "STOCK", schemes: ["EMPLOYEE"] }),
  indicator("FI03", { nameZh: "职工医保统筹基金收入", schemes: ["EMPLOYEE"] }),
  indicator("FI04", { nameZh: "居民医保基金收入", schemes: ["RESIDENT"] }),
  indicator("FI05", { nameZh: "基本医保统筹基金收入合计", schemes: ["TOTAL"], formula: "FI03 + FI04" }),
  indicator("FE01", { category: "基金支出", nameZh: "职工医保统筹基金支出", schemes: ["EMPLOYEE"] }),
  indicator("FE02", { category: "基金支出", nameZh: "居民医保基金支出", schemes: ["RESIDENT"] }),
  indicator("FB03", { category: "基金结余", nameZh: "职工医保统筹基金累计结余", basis: "STOCK", schemes: ["EMPLOYEE"], minValue: null }),
  indicator("FB04", { category: "基金结余", nameZh: "居民医保基金累计结余", basis: "STOCK", schemes: ["RESIDENT"], minValue: null }),
  indicator("SV01", { category: "医疗服务", nameZh: "就诊人次", unit: "人次" }),
  indicator("SV02", { category: "医疗服务", nameZh: "住院率", unit: "%", basis: "RATE", maxValue: "100" }),
  indicator("SC01", {
    category: "基金支撑能力",
    nameZh: "季度床位数",
    unit: "张",
    basis: "STOCK",
    frequency: "QUARTERLY",
    schemes: ["TOTAL"],
  }),
  indicator("LC01", { category: "地方指标", nameZh: "异地就医结算人次", unit: "人次", tag: "LOCAL" }),
  indicator("IN01", { category: "医疗机构", nameZh: "出院人次", unit: "人次", scope: "INSTITUTION" }),
  indicator("IN02", {
    category: "医疗机构",
    nameZh: "次均住院费用",
    unit: "元",
    scope: "INSTITUTION",
    basis: "RATE",
    schemes: ["TOTAL"],
    maxValue: "1000000",
    tag: "LOCAL",
  }),
];

/** Two indicators only: one region-level and one institution-level, both with all three schemes. */
export const SLICE: IndicatorDef[] = TINY.filter((i) => i.code === "SV01" || i.code === "IN01");

export const REGION = { code: "340100", name: "合肥市" };
export const INSTITUTIONS = [
  { code: "H34010000001", name: "合肥市第一人民医院", level: "LEVEL_3" },
  { code: "H34010000002", name: "合肥市第二人民医院", level: "三级" },
  { code: "H34010000003", name: "蜀山区社区卫生服务中心", level: "UNRATED" },
];
