import { z } from "@/app/_domain/zod";

/**
 * A yes/no switch as query strings and form fields carry it ("1", "true", "on", "yes"; anything else, or
 * nothing, is no). Forms send "on" for a ticked checkbox; scripts send 1 or true.
 */
export const flagSchema = z
  .string()
  .optional()
  .transform((v) => /^(1|true|on|yes)$/i.test(v ?? ""));

/** A query-string or form value that may be missing (an empty field counts as missing). */
export const optionalText = (max = 200) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/**
 * The body of every refused API request (app/_server/http/api-route.ts): a Chinese message; for input errors one
 * message per field; for an unexpected error (500) the request id to quote to the administrator.
 */
export const errorBodySchema = z.strictObject({
  error: z.string().describe("给用户看的中文说明"),
  fieldErrors: z.record(z.string(), z.string()).optional().describe("输入有误时：字段名 → 该字段的说明"),
  requestId: z.string().optional().describe("500 时：请求编号，联系管理员时提供（与响应头 x-request-id 相同）"),
});
export type ErrorBody = z.output<typeof errorBodySchema>;

/** A download's format: csv when asked for, xlsx otherwise (what a spreadsheet user expects). */
export const fileFormatSchema = z
  .string()
  .optional()
  .transform((v): "csv" | "xlsx" => (v === "csv" ? "csv" : "xlsx"));

/** The query of a download offered as xlsx or CSV. */
export const exportQuerySchema = z.object({ format: fileFormatSchema });

/** GET /api/v1/openapi.json: an OpenAPI 3.1 document (its own standard describes the rest). */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.literal("3.1.0"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});
