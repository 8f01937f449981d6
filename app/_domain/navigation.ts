import { NAV_LABELS } from "./messages";
import { can, type Permission } from "./permissions";
import type { Role } from "./roles";

export type NavIcon =
  | "dashboard"
  | "region"
  | "hospital"
  | "team"
  | "safety"
  | "audit"
  | "desktop"
  | "fund"
  | "inbox"
  | "key"
  | "catalogue"
  | "sheets"
  | "metrics";
export interface NavItem {
  href: string;
  label: string;
  icon: NavIcon;
}

const ITEMS: (NavItem & { permission: Permission })[] = [
  // A region role's monthly work comes first.
  { href: "/sheets", label: NAV_LABELS.sheets, icon: "sheets", permission: "region.read" },
  { href: "/metrics", label: NAV_LABELS.metrics, icon: "metrics", permission: "region.read" },
  { href: "/publications", label: NAV_LABELS.publications, icon: "fund", permission: "region.read" },
  { href: "/admin", label: NAV_LABELS.admin, icon: "dashboard", permission: "region.manage" },
  { href: "/admin/regions", label: NAV_LABELS.regions, icon: "region", permission: "region.manage" },
  { href: "/admin/institutions", label: NAV_LABELS.institutions, icon: "hospital", permission: "institution.manage" },
  { href: "/admin/users", label: NAV_LABELS.users, icon: "team", permission: "user.manage" },
  { href: "/catalogue", label: NAV_LABELS.catalogue, icon: "catalogue", permission: "catalogue.read" },
  { href: "/security", label: NAV_LABELS.security, icon: "safety", permission: "security.manage" },
  { href: "/audit", label: NAV_LABELS.audit, icon: "audit", permission: "audit.read" },
  { href: "/workbench", label: NAV_LABELS.workbench, icon: "desktop", permission: "region.read" },
  { href: "/supervise", label: NAV_LABELS.supervise, icon: "fund", permission: "province.read" },
  { href: "/metrics", label: NAV_LABELS.metrics, icon: "metrics", permission: "province.read" },
  { href: "/inbox", label: NAV_LABELS.inbox, icon: "inbox", permission: "inbox.read" },
];

/** The sidebar for these roles: only what they may open (the pages check again on the server). */
export function navigationFor(roles: readonly Role[]): NavItem[] {
  const seen = new Set<string>();
  // An item listed for several permissions (指标分析: region staff and supervisors) appears once.
  return ITEMS.filter((i) => can(roles, i.permission) && !seen.has(i.href) && seen.add(i.href)).map(({ permission: _p, ...i }) => i);
}
