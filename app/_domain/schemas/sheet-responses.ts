import { z } from "@/app/_domain/zod";
import { SCHEMES } from "../catalogue";
import { explanationsSchema } from "./sheet";

/**
 * The answers of the /api/v1/sheets routes, for the OpenAPI description (app/api/v1/operations.ts). Strict
 * objects: a field the server sends but this file does not name fails test/integration/api-v1-contract.test.ts,
 * and test/unit/api-response-types.test.ts checks that each schema's type is the use case's return type.
 */

const time = z.string().describe("ISO 8601 时间");

const sheetIssueSchema = z.strictObject({
  severity: z.enum(["ERROR", "WARNING"]).describe("ERROR 错误（整份拒收）；WARNING 提醒（须逐条说明）"),
  rule: z.string().describe("规则编号，如 value.not-a-number、identity.total"),
  location: z.string().describe("位置：单元格、行或 values[i]"),
  indicatorCode: z.string().optional(),
  scheme: z.enum(SCHEMES).optional(),
  institutionCode: z.string().optional(),
  message: z.string().describe("中文说明"),
});

export const sheetReportSchema = z.strictObject({
  errors: z.array(sheetIssueSchema),
  warnings: z.array(sheetIssueSchema),
  counts: z.strictObject({ cells: z.number().int(), values: z.number().int(), missing: z.number().int() }),
});

/** GET /api/v1/sheets. */
export const sheetListResponseSchema = z.strictObject({
  regionCode: z.string(),
  regionName: z.string(),
  sheets: z.array(
    z.strictObject({
      period: z.string().describe("月份 YYYY-MM"),
      versions: z.array(
        z.strictObject({
          id: z.string(),
          version: z.number().int(),
          status: z.enum(["VALIDATED", "ACCEPTED", "REJECTED", "SUPERSEDED"]).describe("待审核 / 已通过 / 已退回 / 已被替代"),
          source: z.enum(["XLSX", "CSV", "API"]),
          fileName: z.string(),
          valueCount: z.number().int(),
          warningCount: z.number().int(),
          uploadedBy: z.string(),
          uploadedById: z.string(),
          uploadedAt: time,
          reviewedBy: z.string().nullable(),
          reviewedAt: time.nullable(),
          reviewComment: z.string().nullable(),
        }),
      ),
      accepted: z.number().int().nullable().describe("已通过的版本号"),
      pending: z.number().int().describe("待审核的版本数"),
    }),
  ),
});

/** POST /api/v1/sheets: 201 stored; 200 a dry run or the same content as the newest version. */
export const sheetUploadedSchema = z.union([
  z
    .strictObject({ ok: z.literal(true), dryRun: z.literal(true), period: z.string(), report: sheetReportSchema })
    .describe("试校验（dryRun）：未保存"),
  z
    .strictObject({
      ok: z.literal(true),
      dryRun: z.literal(false),
      unchanged: z.literal(true),
      period: z.string(),
      version: z.number().int(),
      versionId: z.string(),
    })
    .describe("与最新版本内容相同：未新增版本"),
  z
    .strictObject({
      ok: z.literal(true),
      dryRun: z.literal(false),
      unchanged: z.literal(false),
      period: z.string(),
      version: z.number().int(),
      versionId: z.string(),
      report: sheetReportSchema,
    })
    .describe("已保存为新版本（待审核）"),
]);

/** POST /api/v1/sheets, 422: the sheet has errors, or warnings without an explanation each; nothing stored. */
export const sheetRefusedSchema = z.strictObject({
  ok: z.literal(false),
  stage: z.enum(["errors", "warnings"]).describe("errors：有错误；warnings：有未说明的提醒"),
  period: z.string().nullable(),
  report: sheetReportSchema,
});

/** The JSON body of POST /api/v1/sheets (read leniently by apiBodyToCells: a malformed value is a report issue, not a 422). */
export const sheetApiBodySchema = z.object({
  regionCode: z.string().describe("统筹区编码"),
  period: z.string().describe("月份 YYYY-MM"),
  values: z
    .array(
      z.object({
        indicator: z.string().describe("指标编码"),
        scheme: z.enum(SCHEMES).describe("险种"),
        institution: z.string().optional().describe("机构编码（机构级指标）"),
        value: z.union([z.number(), z.string(), z.null()]).describe('数值；可为文字（如 "1,234.5"）；空为缺报'),
      }),
    )
    .max(500_000),
  explanations: explanationsSchema.optional().describe("提醒说明：{ 提醒键: 说明 }"),
});

/** POST /api/v1/sheets/versions/{versionId}/review. */
export const sheetReviewedSchema = z.strictObject({
  status: z.enum(["ACCEPTED", "REJECTED"]),
  superseded: z.number().int().nullable().describe("通过时被替代的原通过版本号"),
});
