import { pendingStepOf, type PendingStep } from "@/app/_domain/auth-policy";
import type { Role } from "@/app/_domain/roles";
import { readEnv } from "../env";

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
  /**
   * A step the user must finish first (password change, expired password, MFA enrolment). While it is set,
   * requirePermission refuses every use case: only the step's own pages and actions work.
   */
  pending: PendingStep | null;
  mfaEnabled: boolean;
  isDemo: boolean;
  /** The UserSession row of a browser sign-in; null for API tokens and tests. */
  sessionId: string | null;
  requestId: string;
  ip: string | null;
}

/** The user columns a Session is made of. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: readonly string[];
  provinceId: string | null;
  regionId: string | null;
  institutionId: string | null;
  mustChangePassword: boolean;
  passwordChangedAt: Date;
  isDemo: boolean;
  mfaSecret: string | null;
  mfaEnrolRequired: boolean;
}

export interface SessionContext {
  requestId: string;
  ip: string | null;
  sessionId?: string | null;
  /**
   * "password": a browser sign-in, subject to the pending steps. "api-token": a system-to-system token, which
   * neither passwords nor TOTP concern (the token is revoked separately).
   */
  via?: "password" | "api-token";
  now?: Date;
  passwordMaxAgeDays?: number;
}

/** The one way a Session is built (browser requests, API tokens and tests alike). */
export function toSession(user: SessionUser, context: SessionContext): Session {
  const via = context.via ?? "password";
  const pending =
    via === "password" ? pendingStepOf(user, context.now ?? new Date(), context.passwordMaxAgeDays ?? readEnv().passwordMaxAgeDays) : null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as Role[],
    provinceId: user.provinceId,
    regionId: user.regionId,
    institutionId: user.institutionId,
    mustChangePassword: pending === "change-password" || pending === "password-expired",
    pending,
    mfaEnabled: !!user.mfaSecret,
    isDemo: user.isDemo,
    sessionId: context.sessionId ?? null,
    requestId: context.requestId,
    ip: context.ip,
  };
}
