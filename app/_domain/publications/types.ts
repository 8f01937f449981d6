import type { Scheme } from "../catalogue";
import type { InstitutionLevel } from "../institutions";
import type { Period } from "../periods";

/**
 * Publications (issue 11; docs/publications.md): 月推送 / 季发布 / 专题分析. The contract between the server
 * (app/_server/publications, which builds and freezes snapshots) and the screens and PDFs (components/charts,
 * which draw them). Pure types and vocabularies; no I/O.
 *
 * The life of a publication:
 *   layout (data, editable while DRAFT) ──publish──▶ FrozenSnapshot (every number any recipient will see, after
 *   suppression) ──read by a caller──▶ PublicationView (the region part + that caller's own 本院 section, peers
 *   named / anonymised / omitted by peer mode). Charts and tables are pure functions of PublicationView panels.
 */

// ── vocabularies ────────────────────────────────────────────────────────────────────────────────────────

export const PUBLICATION_KINDS = ["MONTHLY_PUSH", "QUARTERLY_RELEASE", "TOPICAL"] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];
export const KIND_LABELS: Record<PublicationKind, string> = { MONTHLY_PUSH: "月推送", QUARTERLY_RELEASE: "季发布", TOPICAL: "专题分析" };

/**
 * Status of one version. DRAFT → IN_REVIEW → APPROVED (by a DATA_REVIEWER who is not the author) → PUBLISHED
 * (by a PUBLISHER; the snapshot is frozen). IN_REVIEW may be sent back to DRAFT. A published version becomes
 * CORRECTED when its correction (version n+1) is published, or WITHDRAWN (with a reason).
 */
export const PUBLICATION_STATUSES = ["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED", "CORRECTED", "WITHDRAWN"] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
export const STATUS_LABELS: Record<PublicationStatus, string> = {
  DRAFT: "草稿",
  IN_REVIEW: "待审核",
  APPROVED: "待发布",
  PUBLISHED: "已发布",
  CORRECTED: "已更正",
  WITHDRAWN: "已撤回",
};

/** How other institutions appear to a recipient (docs/publications.md, peer modes). */
export const PEER_MODES = ["NAMED", "ANONYMISED", "OWN_ONLY"] as const;
export type PeerMode = (typeof PEER_MODES)[number];
export const PEER_MODE_LABELS: Record<PeerMode, string> = { NAMED: "实名比较", ANONYMISED: "匿名比较", OWN_ONLY: "仅本院" };

/** Who receives a publication: every institution of the region, those of some levels, or a list. */
export type Audience = { kind: "ALL" } | { kind: "LEVELS"; levels: InstitutionLevel[] } | { kind: "LIST"; institutionCodes: string[] };

// ── layout (data, edited by the data group) ─────────────────────────────────────────────────────────────

/**
 * The fixed set of panels. Region panels (data from the region's metrics, the same for every recipient):
 * - KPI_CARDS: 4–6 cards: value of the period, 本年累计, 同比 / 环比 (百分点 for %-unit), 12-month sparkline.
 * - TREND: each indicator month by month over 24 months, this year against last year.
 * - INCOME_EXPENDITURE: income vs expenditure by scheme, month by month over 24 months (pairs of indicators).
 * - BALANCE_CAPACITY: balances (bars) with months of payment capacity on the second axis, band 6–9 months.
 * - BUDGET_EXECUTION: year-to-date expenditure ÷ budget against time progress (months elapsed ÷ 12).
 * - INDICATOR_TABLE: rows of indicators (DRG/DIP 运行, 医疗服务, 医疗救助 …): 本期, 累计, 同比/环比, trend.
 * - NARRATIVE: text (智能解读, or any text the data group writes).
 * - NOTES: 说明: 口径 of every indicator shown, data cut-off and sheet versions, suppression note, contact.
 * Own panels (本院: filled per recipient from its own institution's values; empty for staff previews):
 * - OWN_INDICATORS: the institution's indicators against the region and its level (median, quartiles, rank,
 *   percentile), plus peer rows per peer mode.
 * - PEER_QUADRANT: x vs y of same-level peers (e.g. IN12 费用消耗指数 vs IN13 时间消耗指数, size IN11), own point.
 * - PEER_DISTRIBUTION: per indicator the level's quartiles with the own value marked (box / bullet).
 * - ALERTS: 预警提示: this period's anomaly flags of the institution with the data group's explanation.
 */
export const PANEL_KINDS = [
  "KPI_CARDS",
  "TREND",
  "INCOME_EXPENDITURE",
  "BALANCE_CAPACITY",
  "BUDGET_EXECUTION",
  "INDICATOR_TABLE",
  "NARRATIVE",
  "NOTES",
  "OWN_INDICATORS",
  "PEER_QUADRANT",
  "PEER_DISTRIBUTION",
  "ALERTS",
] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];
export const OWN_PANEL_KINDS: readonly PanelKind[] = ["OWN_INDICATORS", "PEER_QUADRANT", "PEER_DISTRIBUTION", "ALERTS"];
export const PANEL_LABELS: Record<PanelKind, string> = {
  KPI_CARDS: "指标卡",
  TREND: "趋势（近24个月，与上年对比）",
  INCOME_EXPENDITURE: "分险种收支",
  BALANCE_CAPACITY: "结余与可支付月数",
  BUDGET_EXECUTION: "预算执行进度",
  INDICATOR_TABLE: "指标表",
  NARRATIVE: "文字",
  NOTES: "说明",
  OWN_INDICATORS: "本院指标与同级比较",
  PEER_QUADRANT: "同级机构象限图",
  PEER_DISTRIBUTION: "同级分布（四分位）",
  ALERTS: "预警提示",
};

/** An indicator × scheme (the scheme defaults to the indicator's first scheme, usually TOTAL or its only one). */
export interface IndicatorRef {
  code: string;
  scheme?: Scheme;
}

/** One panel of a layout. Which fields matter depends on `kind` (see PANEL_KINDS). */
export interface PanelSpec {
  /** Stable within the layout ("p1", "kpi" …): keys the panel's data in snapshots and views. */
  id: string;
  kind: PanelKind;
  /** Chart/table title stating subject and unit; default from the kind. */
  title?: string;
  /** KPI_CARDS, TREND, INDICATOR_TABLE, OWN_INDICATORS, PEER_DISTRIBUTION, BUDGET_EXECUTION (first = expenditure). */
  indicators?: IndicatorRef[];
  /** INCOME_EXPENDITURE: income/expenditure pairs, e.g. [{label:"职工", income:FI03, expenditure:FE01}]. */
  pairs?: { label: string; income: IndicatorRef; expenditure: IndicatorRef }[];
  /** BALANCE_CAPACITY: balances (bars) and months of payment capacity (line), index-aligned. */
  balances?: IndicatorRef[];
  capacities?: IndicatorRef[];
  /** PEER_QUADRANT: axes and point size. */
  x?: IndicatorRef;
  y?: IndicatorRef;
  size?: IndicatorRef;
  /** NARRATIVE: the text; for the 智能解读 panel `source: "narrative"` takes the version's narrative. */
  text?: string;
  source?: "narrative";
  /** A note printed under the chart (e.g. "居民医保收入主要在第四季度到账"). */
  note?: string;
}

/** A section groups panels; REGION sections are the same for all, OWN sections are the recipient's 本院. */
export interface SectionSpec {
  id: string;
  title: string;
  scope: "REGION" | "OWN";
  panels: PanelSpec[];
}

export interface Layout {
  sections: SectionSpec[];
}

/** The period a publication covers: a month, a quarter (end month), or any range of months (TOPICAL). */
export interface PublicationPeriod {
  /** First month of the range ("2025-04" for 2025Q2). */
  start: Period;
  /** Last month: the data month the numbers are taken at. */
  end: Period;
  /** "2025年6月", "2025年第二季度", "2025年1月—6月". */
  label: string;
}

// ── values ──────────────────────────────────────────────────────────────────────────────────────────────

/** A suppressed small count (unit 人/人次/例/户 below k): shown as `marker` ("<5"), never as a number. */
export interface Suppressed {
  suppressed: string;
}
/** A frozen number: canonical decimal text, null when missing ("—"), or suppressed. */
export type Num = string | null | Suppressed;
export const isSuppressed = (v: Num | undefined): v is Suppressed => typeof v === "object" && v !== null;
/** The number for a chart: null for missing or suppressed (a gap). */
export const numeric = (v: Num | undefined): number | null => (typeof v === "string" ? Number(v) : null);

/** Indicator facts copied into the snapshot so it reads alone (the catalogue may change later). */
export interface IndicatorInfo {
  code: string;
  scheme: Scheme;
  nameZh: string;
  unit: string;
  /** True for %-unit indicators: changes are shown as ±百分点 (the *Diff fields), not as a growth rate. */
  percent: boolean;
  /** Desirable direction from the catalogue (▲ good / ▼ good), null: neutral colouring. */
  better: "UP" | "DOWN" | null;
  /** 口径 (catalogue definition), for NOTES and tooltips. */
  definition: string | null;
}

/**
 * The figures of one indicator × scheme at the publication's data month, as the metrics engine stores them.
 * Growth rates (yoy, mom, quarterYoy, qoq) are fractions (0.053 = 5.3 %) and only for non-% indicators; for
 * %-unit indicators the *Diff fields carry the change in percentage points (1.25 = +1.25 个百分点) and the
 * growth rates are null. Quarter fields are set for QUARTERLY_RELEASE only.
 */
export interface Figure {
  /** The month's own value (本月). */
  month: Num;
  /** 本年累计 (for STOCK/RATE the value itself). */
  ytd: Num;
  prevYearYtd: Num;
  yoy: Num;
  mom: Num;
  yoyDiff: Num;
  momDiff: Num;
  /** 本季 and its comparisons. */
  quarter: Num;
  prevYearQuarter: Num;
  quarterYoy: Num;
  qoq: Num;
  /** Percentage points for %-unit indicators: quarter − prevYearQuarter. */
  quarterYoyDiff: Num;
  qoqDiff: Num;
}

export interface SeriesPoint {
  period: Period;
  value: Num;
}
/** Month-by-month values of one indicator × scheme (`month` values for FLOW, the value for STOCK/RATE). */
export interface Series {
  indicator: IndicatorInfo;
  points: SeriesPoint[];
}

export interface GroupStatsView {
  /** Institutions of the group with a value. */
  count: number;
  min: Num;
  q1: Num;
  median: Num;
  q3: Num;
  max: Num;
}
export interface PositionView {
  /** 1 = highest. null: no value, or suppressed. */
  rank: number | null;
  count: number;
  /** 0–100, 100 = highest. */
  percentile: number | null;
}

// ── panel data (as the caller sees it) ──────────────────────────────────────────────────────────────────

export interface KpiCard {
  indicator: IndicatorInfo;
  figure: Figure;
  /** Last 12 months, oldest first. */
  sparkline: SeriesPoint[];
}

export interface TrendLine {
  indicator: IndicatorInfo;
  /** The 24 months ending at the data month, oldest first… */
  current: SeriesPoint[];
  /** …and each of those months a year earlier (index-aligned with `current`). */
  lastYear: SeriesPoint[];
}

export interface IndicatorRow {
  indicator: IndicatorInfo;
  figure: Figure;
  /** Last 12 months (INDICATOR_TABLE) or last 4 quarter ends (IN14–IN16 quality), oldest first. */
  trend: SeriesPoint[];
}

/** A peer of the recipient in a comparison: named, or a letter re-assigned per publication and recipient. */
export interface PeerPoint {
  /** Institution name (NAMED), 「同级机构 A」 (ANONYMISED); own row: the own name. */
  label: string;
  own: boolean;
  values: Record<string, Num>;
}

export interface OwnIndicatorRow {
  indicator: IndicatorInfo;
  figure: Figure;
  /** The compared value (本期: quarter for QUARTERLY_RELEASE where it exists, else ytd/month as in `view`). */
  value: Num;
  view: "ytd" | "month" | "quarter";
  inRegion: PositionView;
  inLevel: PositionView;
  region: GroupStatsView;
  level: GroupStatsView;
}

export interface Alert {
  indicator: IndicatorInfo;
  kind: "PEER_HIGH" | "PEER_LOW" | "YOY_UP" | "YOY_DOWN";
  /** Plain Chinese reason from the anomaly rules. */
  reason: string;
  /** The data group's explanation (说明), or null when none was written. */
  explanation: string | null;
}

export type PanelData =
  | { kind: "KPI_CARDS"; cards: KpiCard[] }
  | { kind: "TREND"; lines: TrendLine[] }
  | { kind: "INCOME_EXPENDITURE"; pairs: { label: string; income: Series; expenditure: Series }[] }
  | { kind: "BALANCE_CAPACITY"; balances: Series[]; capacities: Series[]; band: [number, number] }
  | {
      kind: "BUDGET_EXECUTION";
      indicator: IndicatorInfo;
      /** Year-to-date expenditure, the year's budget (null when not reported), execution = ytd ÷ budget. */
      ytd: Num;
      budget: Num;
      execution: Num;
      /** Months elapsed ÷ 12 (0.5 at June). */
      timeProgress: string;
    }
  | { kind: "INDICATOR_TABLE"; rows: IndicatorRow[] }
  | { kind: "NARRATIVE"; text: string }
  | {
      kind: "NOTES";
      indicators: IndicatorInfo[];
      dataCutoff: string;
      sheetVersions: SheetVersionRef[];
      suppression: string;
      contact: string;
    }
  | { kind: "OWN_INDICATORS"; rows: OwnIndicatorRow[]; peers: PeerPoint[] }
  | { kind: "PEER_QUADRANT"; x: IndicatorInfo; y: IndicatorInfo; size: IndicatorInfo | null; points: PeerPoint[] }
  | { kind: "PEER_DISTRIBUTION"; rows: { indicator: IndicatorInfo; level: GroupStatsView; own: Num }[] }
  | { kind: "ALERTS"; alerts: Alert[] };

export interface PanelView {
  id: string;
  kind: PanelKind;
  title: string;
  note: string | null;
  /** null in a staff view of an OWN panel without a chosen institution (nothing to show). */
  data: PanelData | null;
}

export interface SectionView {
  id: string;
  title: string;
  scope: "REGION" | "OWN";
  panels: PanelView[];
}

export interface SheetVersionRef {
  period: Period;
  version: number;
  acceptedAt: string | null;
}

// ── frozen snapshot (stored at publish) ─────────────────────────────────────────────────────────────────

/**
 * What publishing freezes. The region part is stored on the version; each audience institution's own part is
 * stored as one InstitutionPart row; their canonical JSON (region part, then parts by institution code) is
 * hashed into PublicationVersion.contentHash (SHA-256). Peer values are frozen after suppression, so a view is
 * a pure function of the frozen data, the caller and the peer mode (see views.ts) and never changes.
 */
export interface FrozenRegionPart {
  /** 1: parts are InstitutionParts; 2 (since 2026-12-06): parts are CompactParts referring to `indicators` and `comparisons`. */
  format: 1 | 2;
  kind: PublicationKind;
  title: string;
  period: PublicationPeriod;
  region: { code: string; name: string };
  catalogue: { code: string; name: string };
  sheetVersions: SheetVersionRef[];
  peerMode: PeerMode;
  layout: Layout;
  /** ISO time of freezing. */
  frozenAt: string;
  suppression: { threshold: number; marker: string };
  /** Region panel data by panel id (NARRATIVE text included). */
  panels: Record<string, PanelData>;
  /**
   * Peer values for the OWN panels, per institution level: institution codes, names and each compared value
   * by "CODE:SCHEME" key, suppressed already. Never sent as such to a hospital: views.ts derives PeerPoints.
   */
  peers: Record<string, { code: string; name: string; values: Record<string, Num> }[]>;
  /** Format 2: the facts of every indicator the institution parts refer to, by "CODE:SCHEME". */
  indicators?: Record<string, IndicatorInfo>;
  /** Format 2: each compared indicator's view and group statistics (region, and by level), by "CODE:SCHEME". */
  comparisons?: Record<string, ComparisonStats>;
}

export interface ComparisonStats {
  view: OwnIndicatorRow["view"];
  region: GroupStatsView;
  levels: Record<string, GroupStatsView>;
}

/** The fields of a Figure in the order a CompactPart lists them. */
export const FIGURE_FIELDS = [
  "month",
  "ytd",
  "prevYearYtd",
  "yoy",
  "mom",
  "yoyDiff",
  "momDiff",
  "quarter",
  "prevYearQuarter",
  "quarterYoy",
  "qoq",
  "quarterYoyDiff",
  "qoqDiff",
] as const satisfies readonly (keyof Figure)[];

/** [rank, percentile] of a PositionView; the count is the group's (ComparisonStats). */
export type CompactPosition = [number | null, number | null];

/**
 * An institution part as stored since format 2: only what is the institution's own. Indicators are referred to
 * by "CODE:SCHEME" (the region part's `indicators` and `comparisons` hold what every part shares: 7.7 KB of a
 * 5,000-institution release's parts were repeated statistics); expandPart (part-format.ts) rebuilds the
 * InstitutionPart, field for field.
 */
export interface CompactPart {
  format: 2;
  institution: InstitutionPart["institution"];
  /** The compared value of each indicator the OWN panels show (after suppression). */
  values: Record<string, Num>;
  panels: Record<string, CompactPanel>;
}

export type CompactPanel =
  | {
      kind: "OWN_INDICATORS";
      /** figure: FIGURE_FIELDS' values, trailing nulls left out. */
      rows: { key: string; figure: Num[]; inRegion: CompactPosition; inLevel: CompactPosition }[];
    }
  | { kind: "PEER_QUADRANT"; x: string; y: string; size: string | null }
  | { kind: "PEER_DISTRIBUTION"; keys: string[] }
  | { kind: "ALERTS"; alerts: { key: string; kind: Alert["kind"]; reason: string; explanation: string | null }[] };

/** A part as read from the database: format 1 (InstitutionPart) or 2 (CompactPart). */
export type StoredPart = InstitutionPart | CompactPart;

/** One institution's own part: its OWN panels' data (peers excluded; added per view by peer mode). */
export interface InstitutionPart {
  institution: { code: string; name: string; level: InstitutionLevel; levelLabel: string };
  panels: Record<string, PanelData>;
}

// ── what a caller receives ──────────────────────────────────────────────────────────────────────────────

/** The publication as one caller may see it: the dashboard, the API body, the PDF and the export all read this. */
export interface PublicationView {
  id: string;
  versionId: string;
  version: number;
  kind: PublicationKind;
  kindLabel: string;
  title: string;
  period: PublicationPeriod;
  region: { code: string; name: string };
  status: PublicationStatus;
  peerMode: PeerMode;
  publishedAt: string | null;
  /** Set when this version was corrected: the newer version to link to (「已更正」). */
  correctedBy: { versionId: string; version: number; reason: string } | null;
  /** Set on a correction: what it corrects and why. */
  corrects: { versionId: string; version: number; reason: string } | null;
  /** SHA-256 of the frozen content; null for drafts (live preview). */
  contentHash: string | null;
  catalogue: { code: string; name: string };
  sheetVersions: SheetVersionRef[];
  /** The 本院 institution of this view (the hospital user's own; a staff preview's chosen one), or null. */
  institution: InstitutionPart["institution"] | null;
  sections: SectionView[];
  /** The caller's receipt (hospital users), null for staff. */
  receipt: { openedAt: string | null; acknowledgedAt: string | null } | null;
}
