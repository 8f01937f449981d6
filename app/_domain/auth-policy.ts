import type { Role } from "./roles";

/**
 * Sign-in rules that do not need the database (docs/security-requirements.md MLPS-01/02/04). Pure: the server, the
 * pages and the tests share them.
 */

/** The one message for every refused sign-in: a wrong password, an unknown user, a disabled or locked account. */
export const SIGN_IN_REFUSED = "用户名或密码错误，请重新输入。";

/** Error codes the credentials provider throws, which the login form turns into its next step or message. */
export const SIGN_IN_ERRORS = {
  /** Password right, the account has MFA: ask for the code (not a failure). */
  mfaRequired: "MFA_REQUIRED",
  /** Password right, the code wrong, reused or missing (counts as a failure). */
  codeInvalid: "MFA_CODE_INVALID",
  /** Too many failed sign-ins from this client address. */
  rateLimited: "RATE_LIMITED",
} as const;

export interface MfaSubject {
  roles: readonly Role[] | readonly string[];
  isDemo: boolean;
  mfaEnrolRequired: boolean;
}

/**
 * TOTP is mandatory for every bureau role (MLPS-04: uploader, reviewer, publisher, supervisor, the three
 * admins) and optional for hospital users. The demo accounts are not forced (they can enrol from 账号 →
 * 双因素认证), so a newcomer can try every role with the printed password. After a security admin resets a
 * user's MFA, enrolment is forced for that user whatever the role.
 */
export function mfaRequired(u: MfaSubject): boolean {
  if (u.mfaEnrolRequired) return true;
  if (u.isDemo) return false;
  return u.roles.some((r) => r !== "HOSPITAL_VIEWER");
}

/** What a signed-in user must do before using the portal, most urgent first; null when nothing. */
export type PendingStep = "change-password" | "password-expired" | "enrol-mfa";

export interface PendingSubject extends MfaSubject {
  mustChangePassword: boolean;
  passwordChangedAt: Date;
  mfaSecret: string | null;
}

export function pendingStepOf(u: PendingSubject, now: Date, passwordMaxAgeDays: number): PendingStep | null {
  if (u.mustChangePassword) return "change-password";
  if (passwordExpired(u, now, passwordMaxAgeDays)) return "password-expired";
  if (!u.mfaSecret && mfaRequired(u)) return "enrol-mfa";
  return null;
}

/** 等保 定期更换: a password older than the configured days must be changed (0 turns this off; demo accounts are exempt). */
export function passwordExpired(u: { passwordChangedAt: Date; isDemo: boolean }, now: Date, maxAgeDays: number): boolean {
  if (maxAgeDays <= 0 || u.isDemo) return false;
  return now.getTime() - u.passwordChangedAt.getTime() > maxAgeDays * 86_400_000;
}

/** Where a pending step is done. */
export function pendingStepPath(step: PendingStep): string {
  return step === "enrol-mfa" ? "/mfa-setup" : "/change-password";
}
