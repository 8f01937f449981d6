import { z } from "@/app/_domain/zod";
import { flagSchema } from "./common";
import { INSTITUTION_CODE_PATTERN, INSTITUTION_LEVELS, INSTITUTION_TYPES } from "../institutions";

export const institutionSchema = z.object({
  code: z.string().trim().toUpperCase().regex(INSTITUTION_CODE_PATTERN, "机构编码应为 H 加 11 位数字，例如 H34010000001"),
  name: z.string().trim().min(2, "请填写机构名称").max(100, "机构名称最多 100 字"),
  regionId: z.string().min(1, "请选择统筹区"),
  level: z.enum(INSTITUTION_LEVELS, { message: "请选择医院等级" }),
  type: z.enum(INSTITUTION_TYPES, { message: "请选择机构类别" }),
  district: z.string().trim().max(50).optional().nullable(),
  beds: z.number().int("床位数应为整数").min(0, "床位数不能为负").max(20000, "床位数超出范围").optional().nullable(),
  designatedSince: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 2019-07-01")
    .optional()
    .nullable(),
  active: z.boolean().default(true),
});
export type InstitutionInput = z.input<typeof institutionSchema>;

/** The text fields of the institution import form (POST /api/admin/institutions/import). */
export const institutionImportFormSchema = z.object({ dryRun: flagSchema });
