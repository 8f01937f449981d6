import { z } from "@/app/_domain/zod";
import { REGION_CODE_PATTERN } from "../institutions";

export const REGION_LEVELS = ["CITY", "COUNTY"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = { CITY: "市级统筹", COUNTY: "县级统筹" };

export const regionSchema = z.object({
  code: z.string().trim().regex(REGION_CODE_PATTERN, "统筹区编码应为 6 位数字（行政区划代码），例如 340100"),
  name: z.string().trim().min(2, "请填写统筹区名称").max(50, "统筹区名称最多 50 字"),
  level: z.enum(REGION_LEVELS, { message: "请选择统筹层级" }),
  provinceId: z.string().min(1, "请选择所属省份"),
  parentId: z.string().trim().optional().nullable(),
  active: z.boolean().default(true),
});
export type RegionInput = z.input<typeof regionSchema>;
