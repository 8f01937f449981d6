import { z } from "@/app/_domain/zod";
import { ROLES, roleAssignmentErrors, scopeKindOf, type RoleAssignment } from "../roles";

/** Lower-case letter first, then 2–31 lower-case letters, digits or underscores. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9_]{2,31}$/;
export const USER_STATUSES = ["ACTIVE", "DISABLED"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export const USER_STATUS_LABELS: Record<UserStatus, string> = { ACTIVE: "正常", DISABLED: "已停用" };

const optionalId = z.string().trim().optional().nullable();

/** The fields an admin edits on any account: name, roles and scope (checked with roleAssignmentErrors). */
const userFields = {
  displayName: z.string().trim().min(1, "请填写姓名").max(50, "姓名最多 50 字"),
  roles: z.array(z.enum(ROLES, { message: "角色无效" }), { message: "请选择角色" }).min(1, "至少选择一个角色。"),
  provinceId: optionalId,
  regionId: optionalId,
  institutionId: optionalId,
};

export const createUserSchema = z.object({
  username: z.string().trim().regex(USERNAME_PATTERN, "用户名须以小写字母开头，由 3–32 位小写字母、数字或下划线组成"),
  ...userFields,
  password: z.string().min(1, "请设置初始密码"),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z.object({ id: z.string().min(1, "缺少用户"), ...userFields });
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const setUserStatusSchema = z.object({
  id: z.string().min(1, "缺少用户"),
  status: z.enum(USER_STATUSES, { message: "状态无效" }),
});
export type SetUserStatusInput = z.input<typeof setUserStatusSchema>;

export const resetUserPasswordSchema = z.object({
  id: z.string().min(1, "缺少用户"),
  password: z.string().min(1, "请设置临时密码"),
});
export type ResetUserPasswordInput = z.input<typeof resetUserPasswordSchema>;

/** The form field that holds the scope for these roles (none for the admin roles). */
export function scopeFieldOf(roles: RoleAssignment["roles"]): "provinceId" | "regionId" | "institutionId" | undefined {
  const kind = scopeKindOf(roles);
  if (kind === "PROVINCE") return "provinceId";
  if (kind === "REGION") return "regionId";
  if (kind === "INSTITUTION") return "institutionId";
  return undefined;
}

/**
 * roleAssignmentErrors, keyed by form field: a bad combination of roles goes on `roles`, a missing scope on
 * the scope field the roles need. Empty when the assignment is valid.
 */
export function roleAssignmentFieldErrors(a: RoleAssignment): Record<string, string> {
  const all = roleAssignmentErrors(a);
  if (all.length === 0) return {};
  const combination = roleAssignmentErrors({ roles: a.roles, provinceId: "-", regionId: "-", institutionId: "-" });
  if (combination.length) return { roles: combination.join("") };
  return { [scopeFieldOf(a.roles) ?? "roles"]: all.join("") };
}
