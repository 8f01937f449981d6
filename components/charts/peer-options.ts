/**
 * 本院 · 比质效 charts (docs/publications.md, 季发布 §5): the institution comparison (ranked bars with the level's
 * quartiles), level quartiles with the own value marked, and the DRG quadrant 费用消耗指数 × 时间消耗指数. The
 * caller passes peers already labelled for the publication's peer mode (names, 「同级机构 A」 letters, or nothing
 * in own-only mode): these builders never see a name the recipient may not see. Pure (browser and PDF alike).
 */
import { baseOption, COLORS, axisNumber, num, titled, unitLabel } from "./chart-style";

export interface RankedPoint {
  /** What the recipient may read: the own institution's name, a peer's name (named mode) or 「同级机构 A」. */
  label: string;
  value: string | null;
  own?: boolean;
}

export interface Quartiles {
  q1: string | null;
  median: string | null;
  q3: string | null;
}

/**
 * Institutions of one level ranked by an indicator (highest first), the own bar highlighted and labelled, the
 * level's quartiles as reference lines. Missing values are left out (they have no rank).
 */
export function peerRankingOption(subject: string, unit: string, peers: RankedPoint[], quartiles?: Quartiles) {
  const ranked = peers.filter((p) => p.value !== null).sort((a, b) => Number(b.value) - Number(a.value));
  const fmt = unitLabel(unit);
  const lines = quartiles
    ? (
        [
          ["下四分位", quartiles.q1],
          ["中位数", quartiles.median],
          ["上四分位", quartiles.q3],
        ] as const
      )
        .filter(([, v]) => v !== null)
        .map(([name, v]) => ({ name, xAxis: Number(v), label: { formatter: name, position: "end" as const } }))
    : [];
  return {
    ...baseOption(titled(`${subject}同级排名`, unit)),
    grid: { left: 8, right: 56, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis" as const, axisPointer: { type: "shadow" as const }, valueFormatter: fmt },
    xAxis: { type: "value" as const, scale: unit !== "%", minInterval: 0.01, axisLabel: { formatter: axisNumber } },
    yAxis: {
      type: "category" as const,
      inverse: true,
      data: ranked.map((p) => p.label),
      axisLabel: { width: 96, overflow: "truncate" as const },
    },
    series: [
      {
        name: subject,
        type: "bar" as const,
        barMaxWidth: 16,
        data: ranked.map((p) => ({
          value: num(p.value),
          itemStyle: { color: p.own ? COLORS.own : COLORS.compare },
          label: p.own
            ? {
                show: true,
                position: "right" as const,
                formatter: `本院 ${fmt(num(p.value))}`,
                color: COLORS.own,
                fontWeight: 600 as const,
              }
            : undefined,
        })),
        markLine: { symbol: "none", silent: true, lineStyle: { type: "dashed" as const, color: "#666" }, data: lines },
      },
    ],
  };
}

export interface LevelBox extends Quartiles {
  /** Indicator name, e.g. "次均住院费用". */
  name: string;
  unit: string;
  min: string | null;
  max: string | null;
  own: string | null;
}

/**
 * One indicator: the level's min–Q1–median–Q3–max as a box, the own value as an orange diamond. One indicator per
 * chart, because indicators of different units cannot share an axis.
 */
export function levelBoxOption(box: LevelBox, levelName: string) {
  const stats = [box.min, box.q1, box.median, box.q3, box.max].map(num);
  const complete = stats.every((v) => v !== null);
  const fmt = unitLabel(box.unit);
  return {
    ...baseOption(titled(box.name, box.unit)),
    legend: { top: 22, right: 0, data: [`${levelName}分布`, "本院"] },
    grid: { left: 20, right: 20, top: 52, bottom: 8, containLabel: true },
    tooltip: { trigger: "item" as const },
    // Ticks at least 0.01 apart: the labels show two decimals, and a narrow range repeated them (2.19, 2.19).
    xAxis: { type: "value" as const, scale: true, minInterval: 0.01, axisLabel: { formatter: axisNumber } },
    yAxis: { type: "category" as const, data: [levelName], axisLabel: { show: false } },
    series: [
      {
        name: `${levelName}分布`,
        type: "boxplot" as const,
        data: complete ? [stats] : [],
        itemStyle: { color: "#e7eef9", borderColor: COLORS.primary },
        boxWidth: [18, 28],
        tooltip: {
          formatter: () => ["最小值", "下四分位", "中位数", "上四分位", "最大值"].map((n, k) => `${n}：${fmt(stats[k])}`).join("<br/>"),
        },
      },
      {
        name: "本院",
        type: "scatter" as const,
        data: box.own === null ? [] : [[num(box.own), 0]],
        symbol: "diamond",
        symbolSize: 14,
        itemStyle: { color: COLORS.own },
        tooltip: { formatter: () => `本院：${fmt(num(box.own))}` },
      },
    ],
  };
}

export interface QuadrantPoint {
  label: string;
  /** 费用消耗指数 IN12. */
  cost: string | null;
  /** 时间消耗指数 IN13. */
  time: string | null;
  /** CMI IN11: the point's size. */
  cmi?: string | null;
  own?: boolean;
}

const QUADRANTS = ["费用高 · 时间长", "费用低 · 时间长", "费用低 · 时间短", "费用高 · 时间短"];

/**
 * The DRG evaluation picture: 费用消耗指数 (x) against 时间消耗指数 (y) for the same-level peers, lines at 1.0,
 * CMI as point size, the own point highlighted and labelled; peers are labelled only when `labelPeers` (named mode).
 */
export function quadrantOption(points: QuadrantPoint[], labelPeers = false, subtitle = "点的大小表示 CMI；1.0 为统筹区平均水平") {
  const valid = points.filter((p) => p.cost !== null && p.time !== null);
  const cmis = valid.map((p) => num(p.cmi ?? null)).filter((v): v is number => v !== null);
  const [lo, hi] = cmis.length ? [Math.min(...cmis), Math.max(...cmis)] : [1, 1];
  const size = (c: string | null | undefined) => {
    const v = num(c ?? null);
    return v === null || hi === lo ? 12 : 8 + ((v - lo) / (hi - lo)) * 16;
  };
  // Room beyond the farthest point, so that the quadrants' names in the outer corners stay clear of the points.
  const extent = Math.max(0.3, ...valid.flatMap((p) => [Math.abs(Number(p.cost) - 1), Math.abs(Number(p.time) - 1)])) * 1.3;
  const axis = (name: string) => ({
    type: "value" as const,
    name,
    nameLocation: "middle" as const,
    nameGap: 28,
    min: round2(1 - extent),
    max: round2(1 + extent),
    axisLabel: { formatter: (v: number) => v.toFixed(2) },
    splitLine: { show: false },
  });
  const tip = (p: QuadrantPoint) =>
    `${p.label}<br/>费用消耗指数：${fmt2(p.cost)}<br/>时间消耗指数：${fmt2(p.time)}${p.cmi ? `<br/>CMI：${fmt2(p.cmi)}` : ""}`;
  const datum = (p: QuadrantPoint) => ({ value: [num(p.cost), num(p.time)], symbolSize: size(p.cmi), tip: tip(p) });
  return {
    ...baseOption("费用消耗指数与时间消耗指数（同级机构）", subtitle),
    legend: { top: 44, right: 0, data: ["同级机构", "本院"] },
    // containLabel leaves out the vertical axis's name: 36 px on the left keep it inside the chart.
    grid: { left: 36, right: 16, top: 80, bottom: 36, containLabel: true },
    tooltip: { trigger: "item" as const, formatter: (p: { data: { tip: string } }) => p.data.tip },
    xAxis: axis("费用消耗指数"),
    yAxis: { ...axis("时间消耗指数"), nameGap: 40 },
    series: [
      {
        name: "同级机构",
        type: "scatter" as const,
        itemStyle: { color: COLORS.compare, opacity: 0.75 },
        data: valid.filter((p) => !p.own).map(datum),
        label: {
          show: labelPeers,
          position: "right" as const,
          formatter: (p: { dataIndex: number }) => valid.filter((q) => !q.own)[p.dataIndex]?.label ?? "",
          fontSize: 10,
          color: "#555",
        },
        markLine: {
          symbol: "none",
          silent: true,
          label: { show: false },
          lineStyle: { color: "#888", type: "dashed" as const },
          data: [{ xAxis: 1 }, { yAxis: 1 }],
        },
        markArea: {
          silent: true,
          itemStyle: { color: "transparent" },
          label: { color: "#666", fontSize: 11, distance: 4 },
          // Each quadrant's name in its outer corner, away from the lines at 1.0 where the points gather.
          data: QUADRANTS.map((name, k) => {
            const right = k === 0 || k === 3;
            const top = k < 2;
            const position = `inside${top ? "Top" : "Bottom"}${right ? "Right" : "Left"}` as const;
            return [
              { name, xAxis: right ? 1 : round2(1 - extent), yAxis: top ? round2(1 + extent) : 1, label: { position } },
              { xAxis: right ? round2(1 + extent) : 1, yAxis: top ? 1 : round2(1 - extent) },
            ];
          }),
        },
      },
      {
        name: "本院",
        type: "scatter" as const,
        z: 3,
        itemStyle: { color: COLORS.own, borderColor: "#fff", borderWidth: 1.5 },
        data: valid.filter((p) => p.own).map(datum),
        label: { show: true, position: "top" as const, formatter: "本院", color: COLORS.own, fontWeight: 600 as const },
      },
    ],
  };
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const fmt2 = (v: string | null | undefined) => (v === null || v === undefined ? "—" : Number(v).toFixed(2));
