import { z } from "@/app/_domain/zod";
import { SCHEMES } from "../catalogue";
import { INSTITUTION_LEVELS } from "../institutions";
import { PANEL_KINDS, PEER_MODES, PUBLICATION_KINDS, PUBLICATION_STATUSES } from "../publications/types";

/**
 * The answers of the /api/v1/publications routes (PublicationListItem, PublicationView in
 * app/_domain/publications/types.ts), for the OpenAPI description. Strict objects, so a field the server sends
 * and this file does not name fails test/integration/api-v1-contract.test.ts; test/unit/api-response-types.test.ts
 * checks that the types agree.
 */

const time = z.string().describe("ISO 8601 时间");
/** A frozen number: decimal text, null when missing, or a suppressed small count ({ suppressed: "<5" }). */
const num = z.union([z.string(), z.null(), z.strictObject({ suppressed: z.string().describe("小数抑制后的显示，如 <5") })]);
const codeName = z.strictObject({ code: z.string(), name: z.string() });
const periodSchema = z.strictObject({ start: z.string(), end: z.string(), label: z.string().describe("如 2025年第二季度") });
const receiptSchema = z
  .strictObject({ openedAt: time.nullable(), acknowledgedAt: time.nullable() })
  .nullable()
  .describe("医院用户本人的阅读回执；其他调用者为 null");

const indicatorInfo = z.strictObject({
  code: z.string(),
  scheme: z.enum(SCHEMES),
  nameZh: z.string(),
  unit: z.string(),
  percent: z.boolean().describe("% 单位指标：变化以百分点表示"),
  better: z.enum(["UP", "DOWN"]).nullable(),
  definition: z.string().nullable().describe("口径"),
});
const figure = z.strictObject({
  month: num,
  ytd: num,
  prevYearYtd: num,
  yoy: num,
  mom: num,
  yoyDiff: num,
  momDiff: num,
  quarter: num,
  prevYearQuarter: num,
  quarterYoy: num,
  qoq: num,
  quarterYoyDiff: num,
  qoqDiff: num,
});
const point = z.strictObject({ period: z.string(), value: num });
const series = z.strictObject({ indicator: indicatorInfo, points: z.array(point) });
const groupStats = z.strictObject({ count: z.number().int(), min: num, q1: num, median: num, q3: num, max: num });
const position = z.strictObject({ rank: z.number().int().nullable(), count: z.number().int(), percentile: z.number().nullable() });
const peerPoint = z.strictObject({ label: z.string(), own: z.boolean(), values: z.record(z.string(), num) });
const sheetVersionRef = z.strictObject({ period: z.string(), version: z.number().int(), acceptedAt: time.nullable() });

const panelData = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("KPI_CARDS"),
    cards: z.array(z.strictObject({ indicator: indicatorInfo, figure, sparkline: z.array(point) })),
  }),
  z.strictObject({
    kind: z.literal("TREND"),
    lines: z.array(z.strictObject({ indicator: indicatorInfo, current: z.array(point), lastYear: z.array(point) })),
  }),
  z.strictObject({
    kind: z.literal("INCOME_EXPENDITURE"),
    pairs: z.array(z.strictObject({ label: z.string(), income: series, expenditure: series })),
  }),
  z.strictObject({
    kind: z.literal("BALANCE_CAPACITY"),
    balances: z.array(series),
    capacities: z.array(series),
    band: z.tuple([z.number(), z.number()]),
  }),
  z.strictObject({
    kind: z.literal("BUDGET_EXECUTION"),
    indicator: indicatorInfo,
    ytd: num,
    budget: num,
    execution: num,
    timeProgress: z.string(),
  }),
  z.strictObject({
    kind: z.literal("INDICATOR_TABLE"),
    rows: z.array(z.strictObject({ indicator: indicatorInfo, figure, trend: z.array(point) })),
  }),
  z.strictObject({ kind: z.literal("NARRATIVE"), text: z.string() }),
  z.strictObject({
    kind: z.literal("NOTES"),
    indicators: z.array(indicatorInfo),
    dataCutoff: z.string(),
    sheetVersions: z.array(sheetVersionRef),
    suppression: z.string(),
    contact: z.string(),
  }),
  z.strictObject({
    kind: z.literal("OWN_INDICATORS"),
    rows: z.array(
      z.strictObject({
        indicator: indicatorInfo,
        figure,
        value: num,
        view: z.enum(["ytd", "month", "quarter"]),
        inRegion: position,
        inLevel: position,
        region: groupStats,
        level: groupStats,
      }),
    ),
    peers: z.array(peerPoint),
  }),
  z.strictObject({
    kind: z.literal("PEER_QUADRANT"),
    x: indicatorInfo,
    y: indicatorInfo,
    size: indicatorInfo.nullable(),
    points: z.array(peerPoint),
  }),
  z.strictObject({
    kind: z.literal("PEER_DISTRIBUTION"),
    rows: z.array(z.strictObject({ indicator: indicatorInfo, level: groupStats, own: num })),
  }),
  z.strictObject({
    kind: z.literal("ALERTS"),
    alerts: z.array(
      z.strictObject({
        indicator: indicatorInfo,
        kind: z.enum(["PEER_HIGH", "PEER_LOW", "YOY_UP", "YOY_DOWN"]),
        reason: z.string(),
        explanation: z.string().nullable(),
      }),
    ),
  }),
]);

const versionLink = z.strictObject({ versionId: z.string(), version: z.number().int(), reason: z.string() }).nullable();

/** GET /api/v1/publications/{id}: the publication as the caller may see it. */
export const publicationViewSchema = z.strictObject({
  id: z.string(),
  versionId: z.string(),
  version: z.number().int(),
  kind: z.enum(PUBLICATION_KINDS).describe("MONTHLY_PUSH 月推送 / QUARTERLY_RELEASE 季发布 / TOPICAL 专题分析"),
  kindLabel: z.string(),
  title: z.string(),
  period: periodSchema,
  region: codeName,
  status: z.enum(PUBLICATION_STATUSES),
  peerMode: z.enum(PEER_MODES).describe("同级比较方式：实名 / 匿名 / 仅本院"),
  publishedAt: time.nullable(),
  correctedBy: versionLink.describe("本版本已被更正时：更正版本"),
  corrects: versionLink.describe("本版本为更正稿时：被更正的版本"),
  contentHash: z.string().nullable().describe("冻结内容的 SHA-256；草稿为 null"),
  catalogue: codeName,
  sheetVersions: z.array(sheetVersionRef).describe("所用底稿版本"),
  institution: z
    .strictObject({ code: z.string(), name: z.string(), level: z.enum(INSTITUTION_LEVELS), levelLabel: z.string() })
    .nullable()
    .describe("本院部分所属机构"),
  sections: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      scope: z.enum(["REGION", "OWN"]).describe("REGION 统筹区部分；OWN 本院部分"),
      panels: z.array(
        z.strictObject({
          id: z.string(),
          kind: z.enum(PANEL_KINDS),
          title: z.string(),
          note: z.string().nullable(),
          data: panelData.nullable(),
        }),
      ),
    }),
  ),
  receipt: receiptSchema,
});

/** GET /api/v1/publications. */
export const publicationListResponseSchema = z.strictObject({
  publications: z.array(
    z.strictObject({
      id: z.string(),
      versionId: z.string(),
      version: z.number().int(),
      kind: z.enum(PUBLICATION_KINDS),
      kindLabel: z.string(),
      title: z.string(),
      period: periodSchema,
      region: codeName,
      status: z.enum(PUBLICATION_STATUSES),
      publishedAt: time.nullable(),
      embargoUntil: time.nullable().describe("解禁时间（仅本统筹区工作人员可见）"),
      correctionReason: z.string().nullable(),
      receipt: receiptSchema,
      receipts: z
        .strictObject({ opened: z.number().int(), acknowledged: z.number().int(), audience: z.number().int() })
        .nullable()
        .describe("工作人员：已阅/已确认/应收机构数"),
    }),
  ),
});
