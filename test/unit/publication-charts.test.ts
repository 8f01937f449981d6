import * as echarts from "echarts";
import { describe, expect, it } from "vitest";
import { buildOption, type ChartSpec } from "@/components/charts/chart-spec";
import { changeKind, changeText } from "@/components/charts/change";
import { balanceCapacityOption, budgetBulletOption, incomeExpenditureOption } from "@/components/charts/fund-options";
import { peerRankingOption, quadrantOption } from "@/components/charts/peer-options";
import { quarterTrendOption, trend24Option } from "@/components/charts/trend24-option";

const months = Array.from({ length: 24 }, (_, k) => `${2023 + Math.floor((k + 3) / 12)}-${String(((k + 3) % 12) + 1).padStart(2, "0")}`);
const series = (base: number) => months.map((_, k) => (k === 5 ? null : String(base + k * 10.5)));

const specs: ChartSpec[] = [
  { kind: "sparkline", values: ["1", null, "3"] },
  { kind: "trend24", data: { subject: "基金支出", unit: "万元", periods: months, values: series(1000), lastYear: series(900) } },
  {
    kind: "quarterTrend",
    data: {
      subject: "DRG/DIP 付费",
      periods: ["2024年Q2", "2024年Q3"],
      series: [
        { name: "病例数", unit: "例", values: ["10", "12"] },
        { name: "结算人次占比", unit: "%", values: ["80.5", null] },
      ],
    },
  },
  {
    kind: "incomeExpenditure",
    periods: months,
    schemes: [
      { scheme: "职工", income: series(500), expenditure: series(400) },
      { scheme: "居民", income: series(300), expenditure: series(350) },
    ],
  },
  {
    kind: "balanceCapacity",
    periods: months.slice(-4),
    schemes: [{ scheme: "职工", balance: ["1", "2", "3", "4"], months: ["7.5", "8", null, "12.2"] }],
  },
  {
    kind: "budgetBullet",
    rows: [
      { name: "职工", executed: "0.2612" },
      { name: "居民", executed: null },
    ],
    monthsElapsed: 3,
  },
  {
    kind: "peerRanking",
    subject: "次均住院费用",
    unit: "元",
    peers: [
      { label: "本院", value: "9000", own: true },
      { label: "同级机构 A", value: "12000" },
      { label: "同级机构 B", value: null },
    ],
    quartiles: { q1: "8000", median: "9500", q3: "11000" },
  },
  {
    kind: "levelBox",
    box: { name: "平均住院日", unit: "天", min: "5", q1: "6", median: "7", q3: "8", max: "11", own: "9.2" },
    levelName: "三级",
  },
  {
    kind: "quadrant",
    points: [
      { label: "本院", cost: "1.12", time: "0.95", cmi: "1.3", own: true },
      { label: "同级机构 A", cost: "0.9", time: "1.05", cmi: "0.8" },
      { label: "同级机构 B", cost: null, time: "1" },
    ],
  },
];

describe("publication chart builders", () => {
  it("render without a DOM through ECharts SSR (the PDF path), every chart with a title and at most two y-axes", () => {
    for (const spec of specs) {
      const option = buildOption(spec) as Record<string, unknown>;
      const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: 640, height: 360 });
      chart.setOption(option as echarts.EChartsOption);
      const svg = chart.renderToSVGString();
      chart.dispose();
      expect(svg, spec.kind).toContain("<svg");
      if (spec.kind !== "sparkline") {
        const title = (option.title as { text: string }).text;
        expect(title, spec.kind).toMatch(/[\u4e00-\u9fa5]/);
        expect(svg, spec.kind).toContain(title.slice(0, 4));
      }
      const y = option.yAxis;
      expect(Array.isArray(y) ? y.length : 1, spec.kind).toBeLessThanOrEqual(2);
    }
  });

  it("states the unit in the title and keeps a missing month a gap, never 0", () => {
    const o = trend24Option({ subject: "基金支出", unit: "万元", periods: months, values: series(1000), lastYear: series(900) });
    expect(o.title.text).toBe("基金支出月度趋势（万元）");
    expect(o.series[0]!.data[5]).toBeNull();
    expect(o.legend.data).toEqual(["本期", "上年同期"]);
    expect(o.xAxis.data[0]).toBe("23年4月");
    expect(o.tooltip.valueFormatter(1234567.891)).toBe("1,234,567.89");
    expect(o.tooltip.valueFormatter(null)).toBe("—");
  });

  it("refuses a third unit: no more than two y-axes", () => {
    expect(() =>
      quarterTrendOption({ subject: "x", periods: ["a"], series: ["例", "%", "天"].map((unit) => ({ name: unit, unit, values: ["1"] })) }),
    ).toThrow(/最多两个纵轴/);
  });

  it("income against expenditure names scheme and flow in Chinese and says resident income arrives in Q4", () => {
    const o = incomeExpenditureOption(months, [{ scheme: "居民", income: series(1), expenditure: series(2) }]);
    expect(o.series.map((s) => s.name)).toEqual(["居民收入", "居民支出"]);
    expect(o.title.subtext).toContain("第四季度");
  });

  it("marks the 6–9 month payment-capacity band on the second axis", () => {
    const o = balanceCapacityOption(["2025-03"], [{ scheme: "职工", balance: ["100"], months: ["14"] }]);
    expect(o.yAxis).toHaveLength(2);
    const line = o.series.find((s) => s.name === "职工可支付月数") as { yAxisIndex: number; markArea: { data: unknown } };
    expect(line.yAxisIndex).toBe(1);
    expect(line.markArea.data).toEqual([[{ yAxis: 6 }, { yAxis: 9 }]]);
    expect(o.yAxis[1]!.max).toBeGreaterThanOrEqual(15);
  });

  it("draws budget execution against time progress (3 of 12 months = 25.00%)", () => {
    const o = budgetBulletOption([{ name: "合计", executed: "0.3125" }], 3);
    expect(o.series[1]!.data).toEqual([31.25]);
    expect(o.series[1]!.markLine!.data).toEqual([{ xAxis: 25 }]);
    expect(o.title.subtext).toBe("时间进度 25.00%（3/12 个月）");
  });

  it("ranks peers highest first, highlights and labels only the own institution, drops peers without a value", () => {
    const o = peerRankingOption(
      "次均住院费用",
      "元",
      [
        { label: "同级机构 A", value: "5" },
        { label: "某某医院", value: "7", own: true },
        { label: "同级机构 B", value: null },
      ],
      { q1: "4", median: "5", q3: null },
    );
    expect(o.yAxis.data).toEqual(["某某医院", "同级机构 A"]);
    expect(o.series[0]!.data[0]!.label?.formatter).toBe("本院 7.00");
    expect(o.series[0]!.data[1]!.label).toBeUndefined();
    expect(o.series[0]!.markLine.data.map((l) => l.name)).toEqual(["下四分位", "中位数"]);
  });

  it("puts the own point in its own series in the quadrant, and peers unlabelled unless named mode", () => {
    const points = [
      { label: "本院", cost: "1.2", time: "0.9", cmi: "1.5", own: true },
      { label: "甲医院", cost: "0.8", time: "1.1", cmi: "0.9" },
    ];
    const anonymous = quadrantOption(points);
    expect(anonymous.series[1]!.data).toHaveLength(1);
    expect(anonymous.series[1]!.data[0]!.value).toEqual([1.2, 0.9]);
    expect(anonymous.series[0]!.label.show).toBe(false);
    expect(quadrantOption(points, true).series[0]!.label.show).toBe(true);
    expect((anonymous.series[0] as { markLine: { data: unknown } }).markLine.data).toEqual([{ xAxis: 1 }, { yAxis: 1 }]);
    expect(anonymous.xAxis.min).toBeLessThan(0.8);
    expect(anonymous.xAxis.max).toBeGreaterThan(1.2);
  });
});

describe("changes beside a number", () => {
  it("writes growth in % and %-unit changes in 百分点, with ▲/▼ and 2 decimals", () => {
    expect(changeText("0.0523", "growth")).toMatchObject({ text: "▲ 5.23%", tone: "neutral", spoken: "同比增长 5.23%" });
    expect(changeText("-1.2", "points")).toMatchObject({ text: "▼ 1.20 百分点", spoken: "同比下降 1.20 个百分点" });
    expect(changeText("0.00001", "growth").text).toBe("持平");
    expect(changeText(null, "growth").text).toBe("—");
    expect(changeKind("%")).toBe("points");
    expect(changeKind("万元")).toBe("growth");
  });

  it("colours only where the catalogue declares a desirable direction", () => {
    expect(changeText("-0.5", "points", "DOWN").tone).toBe("good");
    expect(changeText("0.5", "points", "DOWN").tone).toBe("bad");
    expect(changeText("0.1", "growth", "UP").tone).toBe("good");
    expect(changeText("0.1", "growth", null).tone).toBe("neutral");
  });
});
