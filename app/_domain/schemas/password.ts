import { z } from "@/app/_domain/zod";

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, "请输入当前密码"),
    next: z.string().min(1, "请输入新密码"),
    confirm: z.string().min(1, "请再次输入新密码"),
  })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "两次输入的新密码不一致" });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
