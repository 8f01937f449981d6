import { describe, expect, it } from "vitest";
import type { IndicatorDef, Scheme, ValueBasis } from "@/app/_domain/catalogue";
import {
  anomalyFlags,
  computeRegionMetrics,
  draftNarrative,
  narrativePeriodLabel,
  type AnomalyFlag,
  type MetricRow,
} from "@/app/_domain/metrics";
import { metricRow } from "../helpers/metric-row";

/** The 智能解读 drafter: exact expected text for a small hand-made case. */

function def(code: string, nameZh: string, category: string, unit: string, basis: ValueBasis, o: Partial<IndicatorDef> = {}): IndicatorDef {
  return {
    code,
    category,
    nameZh,
    nameEn: null,
    unit,
    frequency: "MONTHLY",
    schemes: ["TOTAL"],
    scope: "REGION",
    basis,
    formula: null,
    minValue: null,
    maxValue: null,
    definition: null,
    tag: "NATIONAL_REQUIRED",
    evidence: null,
    ...o,
  };
}

const ER: Scheme[] = ["EMPLOYEE", "RESIDENT", "TOTAL"];
const catalogue: IndicatorDef[] = [
  def("I1", "职工医保统筹基金收入", "基金收入", "万元", "FLOW", { schemes: ["EMPLOYEE"] }),
  def("I2", "居民医保基金收入", "基金收入", "万元", "FLOW", { schemes: ["RESIDENT"] }),
  def("I3", "职工医保统筹基金收入同比增长率", "基金收入", "%", "RATE", { schemes: ["EMPLOYEE"], formula: "YOY(I1) * 100" }),
  def("L1", "地方补充指标", "基金收入", "万元", "FLOW", { tag: "LOCAL" }),
  def("X1", "内部指标", "基金收入", "万元", "FLOW", { tag: "INTERNAL" }),
  def("B2", "居民医保基金当期结余", "基金结余", "万元", "FLOW", { schemes: ["RESIDENT"], formula: "I2 - I2" }),
  def("S1", "住院人次", "医疗机构服务情况", "人次", "FLOW", { schemes: ER }),
  def("S2", "住院率", "医疗机构服务情况", "%", "RATE"),
  def("S3", "次均住院费用", "医疗机构服务情况", "元", "RATE", { schemes: ER }),
  def("N5", "次均住院费用", "医疗机构服务情况", "元", "RATE", { scope: "INSTITUTION", formula: "S3 * 1" }),
];

const row = (
  indicatorCode: string,
  scheme: Scheme,
  ytd: string | null,
  prevYearYtd: string | null,
  yoy: string | null,
  period = "2025-06",
): MetricRow => metricRow({ period, indicatorCode, scheme, ytd, prevYearYtd, yoy });

const rows: MetricRow[] = [
  row("I1", "EMPLOYEE", "123456.78", "117330", "0.052194"),
  row("I2", "RESIDENT", "8765.4", "9045.8", "-0.031"),
  row("I3", "EMPLOYEE", "5.2194", null, null),
  row("L1", "TOTAL", "500", "263.157895", "0.9"),
  row("X1", "TOTAL", "77", "70", "0.1"),
  row("B2", "RESIDENT", "-3200", "-2800", "0.142857"),
  row("S1", "EMPLOYEE", "30000", "25000", "0.2"),
  row("S1", "TOTAL", "45678", "38065", "0.2"),
  row("S2", "TOTAL", "12.34", "12.04", "0.024917"),
  row("S3", "TOTAL", "9876.543", "9876.148", "0.00004"),
  // another period and an institution row: ignored
  row("I1", "EMPLOYEE", "1", "1", "5", "2025-03"),
  { ...row("N5", "TOTAL", "99999", "1", "9"), institutionCode: "H00000000001" },
];

const flag = (
  kind: AnomalyFlag["kind"],
  indicatorCode: string,
  institutionCode: string | null,
  level: string | null,
  peerGroup: AnomalyFlag["peerGroup"],
): AnomalyFlag => ({
  kind,
  period: "2025-06",
  indicatorCode,
  scheme: "TOTAL",
  institutionCode,
  level,
  view: "ytd",
  peerGroup,
  value: "1",
  limit: null,
  yoy: null,
  threshold: kind.startsWith("YOY") ? "0.3" : null,
  reason: "",
});

const flags: AnomalyFlag[] = [
  flag("PEER_HIGH", "N5", "H00000000001", "LEVEL_3", "LEVEL"),
  flag("YOY_UP", "N5", "H00000000002", "LEVEL_2", null),
  flag("PEER_HIGH", "N5", "H00000000003", "LEVEL_3", "LEVEL"),
  flag("PEER_LOW", "N5", "H00000000004", "LEVEL_1", "REGION"),
  flag("YOY_UP", "L1", null, null, null),
  { ...flag("PEER_HIGH", "N5", "H00000000005", "LEVEL_3", "LEVEL"), period: "2025-03" }, // another period: ignored
];

describe("draftNarrative", () => {
  it("writes the expected paragraphs for a small case", () => {
    expect(draftNarrative({ regionName: "示例市", quarterEnd: "2025-06", rows, catalogue, flags })).toEqual([
      // 123456.78 万元 ≥ 10,000 → 12.345678 亿元 → 12.35; 8765.4 万元 stays in 万元; L1 is local (described, not highlighted);
      // I3 (a growth rate of I1) and X1 (internal) are left out
      "2025年第二季度，示例市基金收入方面，职工医保统筹基金收入12.35亿元，同比增长5.2%；居民医保基金收入8,765.40万元，同比下降3.1%；地方补充指标500.00万元，同比增长90.0%。",
      // a negative resident balance before Q4: the base instead of a rate, and the Q4 note
      "基金结余方面，居民医保基金当期结余-3,200.00万元，上年同期为-2,800.00万元（居民医保个人缴费多在第四季度到账，前三季度为负属正常）。",
      // S1 and S3 have a TOTAL: described by it alone; 45678 人次 → 4.57万人次; S2 in percentage points: 12.34 − 12.04 = 0.3;
      // S3 yoy 0.004 % rounds to 0.0 % → 持平
      "医疗机构服务情况方面，住院人次4.57万人次，同比增长20.0%；住院率为12.3%，比上年同期提高0.30个百分点；次均住院费用为9,876.54元，与上年同期持平。",
      // national, not %, not negative: S1 0.2 > I1 0.052194 > I2 0.031 > S3 0.00004
      "同比变动较大的指标：住院人次增长20.0%，职工医保统筹基金收入增长5.2%，居民医保基金收入下降3.1%。",
      // 5 flags this period; groups by count, then catalogue order (L1 before N5), then kind; 3 shown, so 「等」
      "本期共有5条指标异常提示，其中次均住院费用有2家三级医院高于同级机构正常范围；地方补充指标同比增长超过±30%的提示阈值；次均住院费用有1家一级医院低于全区机构正常范围等。",
    ]);
  });

  it("never names an institution, and is deterministic", () => {
    const a = draftNarrative({ regionName: "示例市", quarterEnd: "2025-06", rows, catalogue, flags });
    expect(a.join("")).not.toMatch(/H0000/);
    expect(
      draftNarrative({ regionName: "示例市", quarterEnd: "2025-06", rows: [...rows].reverse(), catalogue, flags: [...flags].reverse() }),
    ).toEqual(a);
  });

  it("labels quarters 第一…第四季度 (other months by the month), drops the Q4 note in Q4, says when nothing is flagged", () => {
    expect(["2025-03", "2025-06", "2025-09", "2025-12", "2025-05"].map(narrativePeriodLabel)).toEqual([
      "2025年第一季度",
      "2025年第二季度",
      "2025年第三季度",
      "2025年第四季度",
      "2025年5月",
    ]);
    const q4 = draftNarrative({
      regionName: "示例市",
      quarterEnd: "2025-12",
      rows: [row("B2", "RESIDENT", "-10", null, null, "2025-12")],
      catalogue,
      flags: [],
    });
    expect(q4).toEqual(["2025年第四季度，示例市基金结余方面，居民医保基金当期结余-10.00万元。", "本期未发现需提示的指标异常。"]);
    expect(draftNarrative({ regionName: "示例市", quarterEnd: "2025-09", rows: [], catalogue, flags: [] })).toEqual([
      "2025年第三季度，示例市暂无可供解读的已审核数据。",
      "本期未发现需提示的指标异常。",
    ]);
  });

  it("describes schemes separately when there is no TOTAL, and percentage-point falls", () => {
    const c = [
      def("E1", "住院总费用", "医疗机构服务情况", "万元", "FLOW", { schemes: ["EMPLOYEE", "RESIDENT"] }),
      def("P1", "上传率", "支付方式", "%", "RATE"),
    ];
    const r = [
      row("E1", "EMPLOYEE", "9999.995", "9000", "0.111111", "2025-03"),
      row("E1", "RESIDENT", "200", "200", "0", "2025-03"),
      row("P1", "TOTAL", "97.69", "98.2", null, "2025-03"),
    ];
    expect(draftNarrative({ regionName: "乙县", quarterEnd: "2025-03", rows: r, catalogue: c, flags: [] })).toEqual([
      // 9999.995 万元 < 10,000 → stays in 万元, rounded half up to 10,000.00
      "2025年第一季度，乙县医疗机构服务情况方面，住院总费用（职工）10,000.00万元，同比增长11.1%；住院总费用（居民）200.00万元，与上年同期持平。",
      "支付方式方面，上传率为97.7%，比上年同期降低0.51个百分点。",
      "同比变动较大的指标：住院总费用（职工）增长11.1%，住院总费用（居民）与上年同期持平。",
      "本期未发现需提示的指标异常。",
    ]);
  });

  it("works end to end from computed metrics and flags", () => {
    const cat: IndicatorDef[] = [
      def("FI", "职工医保统筹基金收入", "基金收入", "万元", "FLOW", { schemes: ["EMPLOYEE"] }),
      def("IV", "次均住院费用", "医疗机构服务情况", "元", "RATE", { scope: "INSTITUTION" }),
    ];
    const insts = ["H1", "H2", "H3", "H4", "H5"].map((code) => ({ code, level: "LEVEL_3" }));
    const cells = (period: string, fi: string, iv: string[]) => ({
      versionId: period,
      rows: [
        { indicatorCode: "FI", scheme: "EMPLOYEE" as Scheme, institutionCode: null, value: fi },
        ...iv.map((value, i) => ({ indicatorCode: "IV", scheme: "TOTAL" as Scheme, institutionCode: insts[i]!.code, value })),
      ],
    });
    const accepted = new Map([
      ["2024-06", cells("2024-06", "100000", ["9000", "9100", "9200", "9300", "9400"])],
      ["2025-06", cells("2025-06", "150000", ["9000", "9100", "9200", "9300", "20000"])],
    ]);
    const metrics = computeRegionMetrics({ catalogue: cat, institutions: insts, accepted, periods: ["2025-06"] });
    const iv = metrics.filter((m) => m.indicatorCode === "IV");
    const found = anomalyFlags({ rows: iv, institutions: insts, indicator: cat[1]! });
    // H5: 20000 > 9300 + 1.5 × 200 = 9600 → peer flag; yoy = 20000/9400 − 1 = 1.127660 → yoy flag
    expect(found.map((f) => [f.kind, f.institutionCode])).toEqual([
      ["PEER_HIGH", "H5"],
      ["YOY_UP", "H5"],
    ]);
    const text = draftNarrative({ regionName: "示例市", quarterEnd: "2025-06", rows: metrics, catalogue: cat, flags: found });
    expect(text).toEqual([
      "2025年第二季度，示例市基金收入方面，职工医保统筹基金收入15.00亿元，同比增长50.0%。",
      "同比变动较大的指标：职工医保统筹基金收入增长50.0%。",
      "本期共有2条指标异常提示，其中次均住院费用有1家三级医院高于同级机构正常范围；次均住院费用有1家三级医院同比增长超过±30%的提示阈值。",
    ]);
  });
});
