import type { Role } from "./roles";

/**
 * The one permission table (docs/product.md §2). The UI hides what `can()` denies; the guard is
 * `requirePermission` inside every server use case, plus the scope check each use case makes.
 */
export const ROLE_PERMISSIONS = {
  SYSTEM_ADMIN: [
    "notification.read",
    "region.manage",
    "institution.manage",
    "user.manage",
    "catalogue.manage",
    "catalogue.read",
    "system.backup",
  ],
  SECURITY_ADMIN: ["notification.read", "security.manage"],
  AUDIT_ADMIN: ["notification.read", "audit.read"],
  DATA_ENTRY: [
    "notification.read",
    "region.read",
    "metrics.institution.read",
    "template.download",
    "sheet.upload",
    "publication.draft",
    "catalogue.read",
    "indicator.local.manage",
    "narrative.edit",
  ],
  DATA_REVIEWER: [
    "notification.read",
    "region.read",
    "metrics.institution.read",
    "sheet.review",
    "publication.review",
    "catalogue.read",
    "narrative.edit",
  ],
  PUBLISHER: [
    "notification.read",
    "region.read",
    "metrics.institution.read",
    "publication.publish",
    "feedback.answer",
    "catalogue.read",
    "indicator.local.manage",
    "narrative.edit",
  ],
  SUPERVISOR: ["notification.read", "province.read", "published.read", "calendar.read", "catalogue.read"],
  HOSPITAL_VIEWER: ["notification.read", "inbox.read", "publication.acknowledge", "feedback.create"],
} as const satisfies Record<Role, readonly string[]>;

/**
 * `metrics.institution.read`: an institution's unpublished, named values (own region only). Supervisors read
 * region-level metrics of accepted months (`province.read`) and institutions only as published, with the
 * publication's suppression (`published.read`) — least privilege, issue 16 finding 4.
 * `notification.read`: every role reads and marks its own in-app notifications (not with a pending step). */
export type Permission = (typeof ROLE_PERMISSIONS)[Role][number];

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => (ROLE_PERMISSIONS[r] as readonly string[]).includes(permission));
}

/** Where each role starts after signing in (the first role that has a home wins). */
export function homePathFor(roles: readonly Role[]): string {
  if (roles.includes("SYSTEM_ADMIN")) return "/admin";
  if (roles.includes("SECURITY_ADMIN")) return "/security";
  if (roles.includes("AUDIT_ADMIN")) return "/audit";
  if (roles.includes("SUPERVISOR")) return "/supervise";
  if (roles.includes("HOSPITAL_VIEWER")) return "/inbox";
  if (roles.some((r) => r === "DATA_ENTRY" || r === "DATA_REVIEWER" || r === "PUBLISHER")) return "/workbench";
  return "/no-access";
}
