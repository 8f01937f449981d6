import { z } from "@/app/_domain/zod";
import { fileFormatSchema } from "./common";

export const AUDIT_RESULTS = ["SUCCESS", "FAILURE", "DENIED"] as const;
export type AuditResultValue = (typeof AUDIT_RESULTS)[number];
export const AUDIT_RESULT_LABELS: Record<AuditResultValue, string> = { SUCCESS: "成功", FAILURE: "失败", DENIED: "拒绝" };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

/**
 * The audit log's filters, as the page's query string and the export link carry them. Days are calendar days
 * in China Standard Time (UTC+8), both ends inclusive; actor matches the username or the user id; action is a
 * prefix ("user." finds every user event).
 */
export const auditFilterSchema = z
  .object({
    from: z
      .string()
      .regex(DAY, "开始日期格式应为 YYYY-MM-DD")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    to: z
      .string()
      .regex(DAY, "结束日期格式应为 YYYY-MM-DD")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    actor: text(64),
    action: text(64),
    result: z
      .enum(AUDIT_RESULTS)
      .optional()
      .or(z.literal("").transform(() => undefined)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "开始日期不能晚于结束日期", path: ["to"] });
export type AuditFilter = z.output<typeof auditFilterSchema>;
export type AuditFilterInput = z.input<typeof auditFilterSchema>;

/** [from, to) instants for the filter's days in UTC+8. */
export function auditTimeRange(f: Pick<AuditFilter, "from" | "to">): { gte?: Date; lt?: Date } {
  const start = (day: string) => new Date(`${day}T00:00:00+08:00`);
  return {
    gte: f.from ? start(f.from) : undefined,
    lt: f.to ? new Date(start(f.to).getTime() + 86_400_000) : undefined,
  };
}

/** The filter as a query string (only the fields that are set). */
export function auditFilterQuery(f: Partial<AuditFilter>): string {
  const p = new URLSearchParams();
  for (const k of ["from", "to", "actor", "action", "result"] as const) if (f[k]) p.set(k, f[k]!);
  return p.toString();
}

/**
 * GET /api/audit/export: the filters as sent (the use case checks them with auditFilterSchema, after the
 * permission check) and the file format.
 */
export const auditExportQuerySchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  actor: z.string().optional(),
  action: z.string().optional(),
  result: z.string().optional(),
  format: fileFormatSchema,
});
