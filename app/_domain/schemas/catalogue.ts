import { z } from "zod";
import { flagSchema } from "./common";

/** A catalogue version code: upper-case letters, digits and hyphens, e.g. NHSA-2025-03, NHSA-2025-03-OFFICIAL. */
export const CATALOGUE_CODE_PATTERN = /^[A-Z][A-Z0-9-]{2,39}$/;

/** The form that goes with an imported catalogue file: the new version's code and name. */
export const catalogueVersionMetaSchema = z.object({
  code: z
    .string({ message: "请填写目录版本编码" })
    .trim()
    .toUpperCase()
    .regex(CATALOGUE_CODE_PATTERN, "目录版本编码应为 3–40 位大写字母、数字或连字符，以字母开头，例如 NHSA-2025-03-OFFICIAL"),
  name: z.string({ message: "请填写目录名称" }).trim().min(2, "请填写目录名称（至少 2 个字）").max(100, "目录名称最多 100 个字"),
  description: z
    .string()
    .trim()
    .max(1000, "说明最多 1000 个字")
    .nullish()
    .transform((v) => v || null),
  reconstructed: z.boolean().default(false),
});
export type CatalogueVersionMetaInput = z.input<typeof catalogueVersionMetaSchema>;

/** The text fields of the catalogue import form, as sent; the use case checks them with the schema above. */
export const catalogueImportFormSchema = z.object({
  code: z.string().default(""),
  name: z.string().default(""),
  description: z.string().optional(),
  reconstructed: flagSchema,
});

/** The path of /api/catalogue/{code}/…: a catalogue version's code. */
export const catalogueParamsSchema = z.object({ code: z.string().max(60) });
