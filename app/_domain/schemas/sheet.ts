import { z } from "@/app/_domain/zod";
import { flagSchema, optionalText } from "./common";

/** A reviewer's reason for sending a version back must say something (two characters at least). */
export const REJECT_REASON_MIN_LENGTH = 2;

const decisionFields = {
  decision: z.enum(["ACCEPT", "REJECT"], { message: "请选择通过或退回" }).describe("ACCEPT 通过；REJECT 退回"),
  comment: z.string().trim().max(1000, "意见最多 1000 字").optional().default("").describe("审核意见；退回时必填（至少 2 字）"),
};
const reasonGiven = (v: { decision: "ACCEPT" | "REJECT"; comment: string }) =>
  v.decision === "ACCEPT" || v.comment.length >= REJECT_REASON_MIN_LENGTH;
const REASON_MISSING = { path: ["comment"], message: "退回时请写明原因" };

/** A reviewer's decision as the review bar and POST /api/v1/sheets/versions/{id}/review send it. */
export const reviewDecisionSchema = z.object(decisionFields).refine(reasonGiven, REASON_MISSING);
export type ReviewDecisionInput = z.input<typeof reviewDecisionSchema>;

/** The review use case's input: the decision on one version. */
export const reviewSheetSchema = z
  .object({ versionId: z.string().min(1, "请指定数据版本"), ...decisionFields })
  .refine(reasonGiven, REASON_MISSING);
export type ReviewSheetInput = z.input<typeof reviewSheetSchema>;

/** The uploader's explanation of each warning, by warning key (see warning-key.ts). */
export const explanationsSchema = z.record(z.string(), z.string(), {
  message: "提醒说明（explanations）应为 { 提醒键: 说明 } 形式的对象。",
});
export type Explanations = z.output<typeof explanationsSchema>;

/** The query of POST /api/v1/sheets: `dryRun` validates only; `fileName` names a CSV body in the version list. */
export const sheetUploadQuerySchema = z.object({
  dryRun: flagSchema.describe("1 或 true：只校验，不保存"),
  fileName: optionalText().describe("CSV 请求体在版本列表中显示的文件名"),
});

/** The text fields of the upload form (POST /api/v1/sheets, multipart): explanations arrive as JSON text. */
export const sheetUploadFormSchema = z.object({
  dryRun: flagSchema.describe("1 或 true：只校验，不保存"),
  explanations: optionalText(1_000_000)
    .describe("提醒说明，JSON 文字：{ 提醒键: 说明 }")
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      try {
        const parsed = explanationsSchema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: "custom", message: "提醒说明（explanations）不是有效的 JSON。" });
      return z.NEVER;
    }),
});

/** The path of a sheet version's routes. */
export const versionParamsSchema = z.object({
  versionId: z.string().min(1).max(64).describe("底稿版本编号（GET /api/v1/sheets 的 versions[].id）"),
});

/** GET /api/sheets/versions/{versionId}/diff?from={id}: the cells that changed from version `from` to this one. */
export const sheetDiffQuerySchema = z.object({ from: z.string().min(1, "请指定比较的版本").max(64) });

/** GET /api/sheets/template?period=YYYY-MM (the use case checks the month itself). */
export const templateQuerySchema = z.object({ period: z.string().max(20).default("") });
