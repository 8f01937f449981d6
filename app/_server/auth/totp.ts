import { createHash, randomInt } from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, what every authenticator app expects) and recovery codes.
 * A code is accepted one step either side of the server's clock, and only for a time step later than the
 * last one used, so each code works once.
 */
export const TOTP_ISSUER = "亮底";
const PERIOD = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(username: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

export const timeStepOf = (now: Date) => Math.floor(now.getTime() / 1000 / PERIOD);

/** The code's time step when it is valid now and newer than `afterTimeStep`; otherwise null. */
export async function verifyTotp(secret: string, code: string, now: Date, afterTimeStep?: number | null): Promise<number | null> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const r = await verify({
      secret,
      token,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: PERIOD,
      ...(afterTimeStep != null ? { afterTimeStep } : {}),
    });
    return r.valid ? timeStepOf(now) + r.delta : null;
  } catch {
    return null;
  }
}

/** For tests and the e2e journey: the code an authenticator app would show at `now`. */
export function totpCode(secret: string, now = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

export const looksLikeTotp = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ""));

/** Unambiguous letters and digits (no 0/o, 1/l/i). */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

/** Ten codes like `k7m2p-xq9ra` (about 49 bits each), shown once; only their hashes are stored. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const c = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${c.slice(0, 5)}-${c.slice(5)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  const normal = code.toLowerCase().replace(/[^a-z0-9]/g, "");
  return createHash("sha256").update(`liangdi-recovery:${normal}`).digest("hex");
}
