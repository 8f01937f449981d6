import { z } from "@/app/_domain/zod";
import { exportQuerySchema } from "./common";
import { INSTITUTION_LEVELS } from "../institutions";
import { isPeriod } from "../periods";
import { PANEL_KINDS, PEER_MODES } from "../publications/types";

/** Inputs of the publication use cases: one schema each, shared by the forms and the server (which re-parses). */

const period = z.string().refine(isPeriod, "期间格式应为 YYYY-MM");
const id = z.string().min(1, "缺少编号").max(64);
const reason = (what: string) => z.string().trim().min(2, `请写明${what}`).max(1000, `${what}最多 1000 字`);
const indicatorRef = z.object({ code: z.string().min(1).max(20), scheme: z.enum(["EMPLOYEE", "RESIDENT", "TOTAL"]).optional() });

export const panelSpecSchema = z.object({
  id: z.string().min(1).max(40),
  kind: z.enum(PANEL_KINDS),
  title: z.string().trim().max(80, "标题最多 80 字").optional(),
  indicators: z.array(indicatorRef).max(30, "一个面板最多 30 个指标").optional(),
  pairs: z
    .array(z.object({ label: z.string().max(20), income: indicatorRef, expenditure: indicatorRef }))
    .max(4)
    .optional(),
  balances: z.array(indicatorRef).max(4).optional(),
  capacities: z.array(indicatorRef).max(4).optional(),
  x: indicatorRef.optional(),
  y: indicatorRef.optional(),
  size: indicatorRef.optional(),
  text: z.string().max(20_000, "文字最多 20000 字").optional(),
  source: z.literal("narrative").optional(),
  note: z.string().max(200, "图注最多 200 字").optional(),
});

export const layoutSchema = z.object({
  sections: z
    .array(
      z.object({
        id: z.string().min(1).max(40),
        title: z.string().trim().min(1, "请填写栏目标题").max(40, "栏目标题最多 40 字"),
        scope: z.enum(["REGION", "OWN"]),
        panels: z.array(panelSpecSchema).max(20, "一个栏目最多 20 个面板"),
      }),
    )
    .min(1, "至少需要一个栏目")
    .max(12, "最多 12 个栏目"),
});

export const audienceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ALL") }),
  z.object({ kind: z.literal("LEVELS"), levels: z.array(z.enum(INSTITUTION_LEVELS)).min(1, "请至少选择一个机构等级") }),
  z.object({ kind: z.literal("LIST"), institutionCodes: z.array(z.string().min(1).max(20)).min(1, "请至少选择一家机构").max(10_000) }),
]);

/** A 专题分析 from a blank layout or a copy of another publication's layout. */
export const createTopicalSchema = z
  .object({
    title: z.string().trim().min(2, "请填写标题").max(80, "标题最多 80 字"),
    start: period,
    end: period,
    copyFromVersionId: id.optional(),
    template: z.enum(["BLANK", "LEVEL_3_SPECIAL"]).optional().default("BLANK"),
  })
  .refine((v) => v.start <= v.end, { path: ["end"], message: "结束月份不能早于开始月份" });

/** Editing a DRAFT version: any field left out stays as it is. */
export const updateDraftSchema = z.object({
  versionId: id,
  title: z.string().trim().min(2, "请填写标题").max(80, "标题最多 80 字").optional(),
  layout: layoutSchema.optional(),
  audience: audienceSchema.optional(),
  peerMode: z.enum(PEER_MODES).optional(),
  /** ISO time; null clears the embargo. */
  embargoUntil: z.string().datetime({ offset: true, message: "解禁时间格式不正确" }).nullable().optional(),
  narrative: z.string().max(20_000, "解读内容最多 20000 字").optional(),
  /** Explanations of anomaly flags, by flag key (see alertKey). */
  explanations: z.record(z.string().max(80), z.string().trim().max(500, "说明最多 500 字")).optional(),
});

export const versionActionSchema = z.object({ versionId: id });
export const reviewPublicationSchema = z
  .object({ versionId: id, decision: z.enum(["APPROVE", "RETURN"]), comment: z.string().trim().max(1000).optional().default("") })
  .refine((v) => v.decision === "APPROVE" || v.comment.length >= 2, { path: ["comment"], message: "退回时请写明原因" });
export const correctPublicationSchema = z.object({ versionId: id, reason: reason("更正原因") });
export const withdrawPublicationSchema = z.object({ versionId: id, reason: reason("撤回原因") });

export type CreateTopicalInput = z.input<typeof createTopicalSchema>;
export type UpdateDraftInput = z.input<typeof updateDraftSchema>;
export type ReviewPublicationInput = z.input<typeof reviewPublicationSchema>;

/** GET /api/v1/publications?kind=&status= (status: staff only; unknown values are ignored by the use case). */
export const publicationListQuerySchema = z.object({
  kind: z.string().max(40).optional().describe("MONTHLY_PUSH、QUARTERLY_RELEASE 或 TOPICAL"),
  status: z
    .string()
    .max(40)
    .optional()
    .describe("版本状态（仅本统筹区工作人员）：DRAFT、IN_REVIEW、APPROVED、PUBLISHED、CORRECTED、WITHDRAWN"),
});
/** The path of /api/v1/publications/{id}. */
export const publicationParamsSchema = z.object({ id: z.string().min(1).max(64).describe("发布编号（列表中的 id）") });
/** GET /api/v1/publications/{id}?version=n&institution=CODE (institution: staff and supervisors only). */
export const publicationQuerySchema = z.object({
  version: z.coerce
    .number({ message: "版本号应为正整数。" })
    .int("版本号应为正整数。")
    .min(1, "版本号应为正整数。")
    .max(999_999)
    .optional()
    .describe("版本号；缺省为可见的最新版本"),
  institution: z.string().trim().max(20).optional().describe("本院部分的机构编码（仅工作人员、监管预览用）"),
});

/** GET /api/publications/{id}/export?format=csv|xlsx&version=n&institution=CODE. */
export const publicationExportQuerySchema = publicationQuerySchema.extend(exportQuerySchema.shape);
