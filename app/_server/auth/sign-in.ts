import { recordAudit, type Actor, type AuditTx } from "../audit/record-audit";
import { db } from "../db";
import { readEnv, type Env } from "../env";
import type { User } from "../generated/prisma/client";
import { dummyHash, verifyPassword } from "./passwords";
import { openSecret } from "./secret-box";
import { hashRecoveryCode, looksLikeTotp, verifyTotp } from "./totp";

export interface SignInInput {
  username: string;
  password: string;
  /** The TOTP code or a recovery code, on the second step. */
  code?: string;
}

export interface SignInMeta {
  ip: string | null;
  requestId: string;
}

/**
 * refused: the generic answer (wrong password, unknown user, disabled or locked account: the caller cannot
 * tell which). mfa-required: the password is right and a code is needed. code-invalid: the password is right
 * and the code is not. rate-limited: too many failures from this address.
 */
export type SignInResult =
  { ok: true; user: User; sessionId: string } | { ok: false; error: "refused" | "mfa-required" | "code-invalid" | "rate-limited" };

/** Failures that count towards locking the account: someone tried to guess this account's secrets. */
const COUNTED = ["wrong-password", "wrong-code"];

type Limits = Pick<
  Env,
  "loginMaxFailures" | "loginFailureWindowMinutes" | "loginLockMinutes" | "loginIpMaxFailures" | "loginIpWindowMinutes"
>;

/**
 * Checks a sign-in (docs/security-requirements.md MLPS-02, MLPS-04). Every attempt is stored (LoginAttempt) and
 * audited. `loginMaxFailures` wrong passwords or codes within the window lock the account for
 * `loginLockMinutes`, during which even the right password is refused with the same generic answer; more
 * than `loginIpMaxFailures` failures from one client address within its window refuse every attempt from it.
 * On success a UserSession row is opened, which the JWT names.
 */
export async function authenticate(
  input: SignInInput,
  meta: SignInMeta,
  now = new Date(),
  limits: Limits = readEnv(),
): Promise<SignInResult> {
  const prisma = await db();
  const name = String(input.username ?? "")
    .trim()
    .slice(0, 64);
  const password = String(input.password ?? "");
  const code = String(input.code ?? "").trim();

  if (meta.ip) {
    const since = new Date(now.getTime() - limits.loginIpWindowMinutes * 60_000);
    const failures = await prisma.loginAttempt.count({ where: { ip: meta.ip, success: false, at: { gt: since } } });
    if (failures >= limits.loginIpMaxFailures) {
      await fail(null, name, meta, now, "rate-limited", limits);
      return { ok: false, error: "rate-limited" };
    }
  }

  const user = name ? await prisma.user.findUnique({ where: { username: name } }) : null;
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
  if (!user) return fail(null, name, meta, now, "unknown-user", limits);
  if (user.lockedUntil && user.lockedUntil > now) return fail(user, name, meta, now, "locked", limits);
  if (!ok) return fail(user, name, meta, now, "wrong-password", limits);
  if (user.status !== "ACTIVE") return fail(user, name, meta, now, "disabled", limits);

  let factor: "none" | "totp" | "recovery-code" = "none";
  let timeStep: number | null = null;
  let recoveryHash: string | null = null;
  if (user.mfaSecret) {
    if (!code) return { ok: false, error: "mfa-required" };
    if (looksLikeTotp(code)) {
      const secret = openSecret(user.mfaSecret);
      timeStep = secret ? await verifyTotp(secret, code, now, user.mfaLastTimeStep) : null;
      factor = "totp";
    } else {
      recoveryHash = hashRecoveryCode(code);
      factor = "recovery-code";
    }
    if (factor === "totp" && timeStep === null) return fail(user, name, meta, now, "wrong-code", limits);
  }

  const sessionId = await prisma.$transaction(async (tx) => {
    // Single use, also under concurrent sign-ins: the conditional updates claim the time step or the code.
    if (timeStep !== null) {
      const claimed = await tx.user.updateMany({
        where: { id: user.id, OR: [{ mfaLastTimeStep: null }, { mfaLastTimeStep: { lt: timeStep } }] },
        data: { mfaLastTimeStep: timeStep },
      });
      if (claimed.count === 0) return null;
    }
    if (recoveryHash) {
      const claimed = await tx.mfaRecoveryCode.updateMany({
        where: { userId: user.id, codeHash: recoveryHash, usedAt: null },
        data: { usedAt: now },
      });
      if (claimed.count === 0) return null;
    }
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now, failuresCountFrom: now } });
    const session = await tx.userSession.create({ data: { userId: user.id, createdAt: now, lastSeenAt: now, ip: meta.ip } });
    await tx.loginAttempt.create({ data: { at: now, username: name, userId: user.id, ip: meta.ip, success: true } });
    await recordAudit(tx, actorFor(user, name, meta), {
      action: "auth.login",
      objectType: "User",
      objectId: user.id,
      detail: {
        factor,
        session: session.id,
        ...(recoveryHash ? { recoveryCodesLeft: await tx.mfaRecoveryCode.count({ where: { userId: user.id, usedAt: null } }) } : {}),
      },
    });
    return session.id;
  });
  if (!sessionId) return fail(user, name, meta, now, "wrong-code", limits);
  return { ok: true, user, sessionId };
}

function actorFor(user: User | null, name: string, meta: SignInMeta): Actor {
  return { userId: user?.id, username: user?.username ?? name, roles: user?.roles, ip: meta.ip, requestId: meta.requestId };
}

async function fail(
  user: User | null,
  name: string,
  meta: SignInMeta,
  now: Date,
  reason: string,
  limits: Limits,
): Promise<SignInResult & { ok: false }> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { at: now, username: name, userId: user?.id, ip: meta.ip, success: false, reason } });
    await recordAudit(tx, actorFor(user, name, meta), {
      action: "auth.login",
      result: "FAILURE",
      objectType: "User",
      objectId: user?.id,
      detail: { reason },
    });
    if (user && COUNTED.includes(reason)) await lockIfTooMany(tx, user, name, meta, now, limits);
  });
  if (reason === "rate-limited") return { ok: false, error: "rate-limited" };
  return { ok: false, error: reason === "wrong-code" ? "code-invalid" : "refused" };
}

async function lockIfTooMany(tx: AuditTx, user: User, name: string, meta: SignInMeta, now: Date, limits: Limits) {
  const windowStart = new Date(now.getTime() - limits.loginFailureWindowMinutes * 60_000);
  const since = user.failuresCountFrom && user.failuresCountFrom > windowStart ? user.failuresCountFrom : windowStart;
  const failures = await tx.loginAttempt.count({ where: { userId: user.id, success: false, reason: { in: COUNTED }, at: { gt: since } } });
  if (failures < limits.loginMaxFailures) return;
  const lockedUntil = new Date(now.getTime() + limits.loginLockMinutes * 60_000);
  await tx.user.update({ where: { id: user.id }, data: { lockedUntil, failuresCountFrom: now } });
  await recordAudit(tx, actorFor(user, name, meta), {
    action: "auth.lockout",
    result: "FAILURE",
    objectType: "User",
    objectId: user.id,
    detail: { failures, windowMinutes: limits.loginFailureWindowMinutes, lockedUntil: lockedUntil.toISOString() },
  });
}
