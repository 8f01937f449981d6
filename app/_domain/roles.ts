/** The eight roles of docs/product.md §2 and the rules for combining them. Pure: used by server, forms and tests. */

export const ROLES = [
  "SYSTEM_ADMIN",
  "SECURITY_ADMIN",
  "AUDIT_ADMIN",
  "DATA_ENTRY",
  "DATA_REVIEWER",
  "PUBLISHER",
  "SUPERVISOR",
  "HOSPITAL_VIEWER",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  SYSTEM_ADMIN: "系统管理员",
  SECURITY_ADMIN: "安全管理员",
  AUDIT_ADMIN: "审计管理员",
  DATA_ENTRY: "数据填报员",
  DATA_REVIEWER: "数据审核员",
  PUBLISHER: "发布负责人",
  SUPERVISOR: "上级监管",
  HOSPITAL_VIEWER: "医疗机构用户",
};

/** 三员分立: each admin role stands alone. */
export const ADMIN_ROLES: readonly Role[] = ["SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"];
/** The data group's roles; one person may hold several, scoped to one region. */
export const REGION_ROLES: readonly Role[] = ["DATA_ENTRY", "DATA_REVIEWER", "PUBLISHER"];

export type ScopeKind = "DEPLOYMENT" | "PROVINCE" | "REGION" | "INSTITUTION";

export function scopeKindOf(roles: readonly Role[]): ScopeKind | undefined {
  if (roles.length === 0) return undefined;
  if (roles.some((r) => ADMIN_ROLES.includes(r))) return "DEPLOYMENT";
  if (roles.includes("SUPERVISOR")) return "PROVINCE";
  if (roles.includes("HOSPITAL_VIEWER")) return "INSTITUTION";
  return "REGION";
}

export interface RoleAssignment {
  roles: readonly Role[];
  provinceId?: string | null;
  regionId?: string | null;
  institutionId?: string | null;
}

/**
 * Checks a role assignment: the admin roles are mutually exclusive and combine with nothing (等保 level 3
 * 三员分立), supervisors and hospital users hold one role, region roles may be combined, and every
 * non-admin role needs its scope. Returns Chinese messages; empty when valid.
 */
export function roleAssignmentErrors(a: RoleAssignment): string[] {
  const roles = [...new Set(a.roles)];
  if (roles.length === 0) return ["至少选择一个角色。"];
  const errors: string[] = [];
  const admins = roles.filter((r) => ADMIN_ROLES.includes(r));
  if (admins.length > 0 && roles.length > 1) errors.push("三员分立：系统管理员、安全管理员、审计管理员互斥，且不能与其他角色兼任。");
  else if (roles.includes("SUPERVISOR") && roles.length > 1) errors.push("上级监管角色不能与其他角色兼任。");
  else if (roles.includes("HOSPITAL_VIEWER") && roles.length > 1) errors.push("医疗机构用户不能兼任医保部门角色。");
  if (errors.length) return errors;
  const kind = scopeKindOf(roles);
  if (kind === "PROVINCE" && !a.provinceId) errors.push("上级监管用户须指定所监管的省份。");
  if (kind === "REGION" && !a.regionId) errors.push("数据工作组角色须指定所属统筹区。");
  if (kind === "INSTITUTION" && !a.institutionId) errors.push("医疗机构用户须指定所属医疗机构。");
  return errors;
}

/** Scope fields that the roles do not use are cleared, so a stale scope never widens access. */
export function normaliseScope(a: RoleAssignment) {
  const kind = scopeKindOf(a.roles);
  return {
    provinceId: kind === "PROVINCE" ? (a.provinceId ?? null) : null,
    regionId: kind === "REGION" ? (a.regionId ?? null) : null,
    institutionId: kind === "INSTITUTION" ? (a.institutionId ?? null) : null,
  };
}
