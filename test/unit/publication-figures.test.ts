import { describe, expect, it } from "vitest";
import type { Figure, IndicatorInfo, PanelData, SeriesPoint } from "@/app/_domain/publications/types";
import { buildOption } from "@/components/charts/chart-spec";
import { momOf, numText, panelCharts, rankingChart, yoyOf } from "@/components/publications/figures";

const info = (code: string, unit: string, better: IndicatorInfo["better"] = null): IndicatorInfo => ({
  code,
  scheme: "TOTAL",
  nameZh: code,
  unit,
  percent: unit === "%",
  better,
  definition: null,
});
const figure = (over: Partial<Figure>): Figure => ({
  month: null,
  ytd: null,
  prevYearYtd: null,
  yoy: null,
  mom: null,
  yoyDiff: null,
  momDiff: null,
  quarter: null,
  prevYearQuarter: null,
  quarterYoy: null,
  qoq: null,
  qoqDiff: null,
  quarterYoyDiff: null,
  ...over,
});
const points = (values: (string | null)[]): SeriesPoint[] =>
  values.map((value, k) => ({ period: `2025-${String(k + 1).padStart(2, "0")}`, value }));

describe("publication figures", () => {
  it("reads frozen numbers in their unit's habit, keeps a suppressed count's marker and writes missing as —", () => {
    expect(numText("1234567.891", "万元")).toBe("1,234,567.89");
    expect(numText("85.3", "%")).toBe("85.30%");
    expect(numText("12345", "人次")).toBe("12,345");
    expect(numText({ suppressed: "<5" }, "人次")).toBe("<5");
    expect(numText(null, "元")).toBe("—");
  });

  it("writes changes of %-unit indicators in 百分点 from the *Diff fields, others as growth; quarter fields for a release", () => {
    const rate = info("SV09", "%", "UP");
    expect(yoyOf(figure({ yoy: "0.5", yoyDiff: "-1.256" }), rate)).toMatchObject({ text: "▼ 1.26 百分点", tone: "bad" });
    const money = info("FE03", "万元");
    expect(yoyOf(figure({ yoy: "0.1", quarterYoy: "-0.02" }), money, true)).toMatchObject({ text: "▼ 2.00%", tone: "neutral" });
    expect(momOf(figure({ qoq: "0.031" }), money, true).text).toBe("▲ 3.10%");
    expect(yoyOf(figure({ yoy: { suppressed: "<5" } }), money).text).toBe("—");
  });

  it("turns panels into chart specs that build, with the panel's title on a single chart and gaps for suppressed values", () => {
    const trend: PanelData = {
      kind: "TREND",
      lines: [
        { indicator: info("FE03", "万元"), current: points(["1", { suppressed: "<5" } as never, "3"]), lastYear: points(["1", "2", null]) },
      ],
    };
    const [chart] = panelCharts(trend, { title: "基金支出（万元）" });
    expect(chart!.spec.kind).toBe("trend24");
    const option = buildOption(chart!.spec) as { title: { text: string }; series: { data: unknown[] }[] };
    expect(option.title.text).toBe("基金支出（万元）");
    expect(option.series[0]!.data).toEqual([1, null, 3]);

    const quadrant: PanelData = {
      kind: "PEER_QUADRANT",
      x: info("IN12", "指数"),
      y: info("IN13", "指数"),
      size: info("IN11", "指数"),
      points: [
        { label: "本院", own: true, values: { "IN12:TOTAL": "1.1", "IN13:TOTAL": "0.9", "IN11:TOTAL": "1.2" } },
        { label: "同级机构 A", own: false, values: { "IN12:TOTAL": "0.95", "IN13:TOTAL": "1.05", "IN11:TOTAL": "0.8" } },
      ],
    };
    const [q] = panelCharts(quadrant);
    expect(q!.spec).toMatchObject({ kind: "quadrant", labelPeers: false });
    expect(panelCharts(quadrant, { peersNamed: true })[0]!.spec).toMatchObject({ labelPeers: true });

    const budget: PanelData = {
      kind: "BUDGET_EXECUTION",
      indicator: info("FE03", "万元"),
      ytd: "50",
      budget: "200",
      execution: "0.25",
      timeProgress: "0.5",
    };
    expect(panelCharts(budget)[0]!.spec).toMatchObject({ kind: "budgetBullet", monthsElapsed: 6, rows: [{ executed: "0.25" }] });
  });

  it("draws no ranking in own-only mode (no peers) and ranks the visible peers otherwise", () => {
    const i = info("IN05", "元");
    const level = { q1: "1", median: "2", q3: "3" };
    expect(rankingChart(i, [{ label: "本院", own: true, values: { "IN05:TOTAL": "2" } }], level)).toBeNull();
    const chart = rankingChart(
      i,
      [
        { label: "本院", own: true, values: { "IN05:TOTAL": "2" } },
        { label: "同级机构 A", own: false, values: { "IN05:TOTAL": { suppressed: "<5" } } },
        { label: "同级机构 B", own: false, values: { "IN05:TOTAL": "3" } },
      ],
      level,
    );
    expect(chart!.spec).toMatchObject({
      kind: "peerRanking",
      peers: [
        { label: "本院", own: true, value: "2" },
        { label: "同级机构 B", own: false, value: "3" },
      ],
    });
  });
});
