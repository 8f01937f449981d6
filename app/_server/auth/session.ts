import type { Role } from "@/app/_domain/roles";

/**
 * The caller of every use case. Built on each request from the database (not trusted from the JWT alone):
 * roles and scope are the user's current ones; the request id and IP go into the audit log.
 */
export interface Session {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  provinceId: string | null;
  regionId: string | null;
  institutionId: string | null;
  mustChangePassword: boolean;
  isDemo: boolean;
  requestId: string;
  ip: string | null;
}
