import { z } from "@/app/_domain/zod";

/** A new API token needs a name that says what system uses it. */
export const createApiTokenSchema = z.object({
  name: z.string().trim().min(2, "请填写令牌用途，例如“医保信息平台每月推送”").max(60, "名称最多 60 字"),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
