import { z } from "zod";

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

/** The body of every refused API request: a Chinese message and, for forms, one message per field. */
export const errorBodySchema = z.object({
  error: z.string(),
  fieldErrors: z.record(z.string(), z.string()).optional(),
});
export type ErrorBody = z.output<typeof errorBodySchema>;

/** A download's format: csv when asked for, xlsx otherwise (what a spreadsheet user expects). */
export const fileFormatSchema = z
  .string()
  .optional()
  .transform((v): "csv" | "xlsx" => (v === "csv" ? "csv" : "xlsx"));

/** The query of a download offered as xlsx or CSV. */
export const exportQuerySchema = z.object({ format: fileFormatSchema });
