import { normaliseScope, type Role } from "@/app/_domain/roles";
import { roleAssignmentFieldErrors } from "@/app/_domain/schemas/user";
import { actorOf, recordAudit } from "../audit/record-audit";
import type { Session } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";

/**
 * Shared by the user use cases (not a use case itself): checks roles + scope against the domain rules and
 * the database, and refuses an admin acting on their own account.
 */
export interface Assignment {
  roles: Role[];
  provinceId: string | null;
  regionId: string | null;
  institutionId: string | null;
}

/** Validates the roles and their scope and returns them with unused scope fields cleared. */
export async function checkAssignment(input: {
  roles: Role[];
  provinceId?: string | null;
  regionId?: string | null;
  institutionId?: string | null;
}): Promise<Assignment> {
  const roles = [...new Set(input.roles)];
  const raw = { roles, provinceId: input.provinceId || null, regionId: input.regionId || null, institutionId: input.institutionId || null };
  const fieldErrors = roleAssignmentFieldErrors(raw);
  if (Object.keys(fieldErrors).length) throw new AppError("INVALID", Object.values(fieldErrors)[0], fieldErrors);
  const scope = normaliseScope(raw);
  const prisma = await db();
  if (scope.provinceId && !(await prisma.province.findUnique({ where: { id: scope.provinceId } })))
    throw new AppError("INVALID", "所选省份不存在。", { provinceId: "所选省份不存在" });
  if (scope.regionId && !(await prisma.region.findUnique({ where: { id: scope.regionId } })))
    throw new AppError("INVALID", "所选统筹区不存在。", { regionId: "所选统筹区不存在" });
  if (scope.institutionId && !(await prisma.institution.findUnique({ where: { id: scope.institutionId } })))
    throw new AppError("INVALID", "所选医疗机构不存在。", { institutionId: "所选医疗机构不存在" });
  return { roles, ...scope };
}

export const SELF_CHANGE_MESSAGES = {
  roles: "三员分立：不能修改自己的角色或权限范围（禁止自我授权），请由另一位系统管理员操作。",
  status: "三员分立：不能停用或启用自己的账号（禁止自我授权），请由另一位系统管理员操作。",
  password: "三员分立：不能在用户管理中重置自己的密码（禁止自我授权），请通过“修改密码”修改。",
  sessions: "不能在这里结束自己的会话，请在“登录安全”中使用“退出所有设备”。",
  mfa: "不能重置自己的双因素认证，请由另一位安全管理员操作。",
} as const;

/** Refuses (and audits the refusal of) an admin changing their own roles, status or password. */
export async function refuseSelfChange(session: Session, targetId: string, what: keyof typeof SELF_CHANGE_MESSAGES): Promise<void> {
  if (targetId !== session.userId) return;
  const prisma = await db();
  await prisma.$transaction((tx) =>
    recordAudit(tx, actorOf(session), {
      action: "access.denied",
      result: "DENIED",
      objectType: "User",
      objectId: targetId,
      detail: { reason: `self-${what}-change` },
    }),
  );
  throw new AppError("FORBIDDEN", SELF_CHANGE_MESSAGES[what]);
}

/** A unique-constraint violation from Prisma (a concurrent create of the same key). */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}
