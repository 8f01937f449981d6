import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Encryption at rest of the TOTP secrets (鉴别数据的存储保密性, MLPS-18): AES-256-GCM with a key derived from
 * LIANGDI_MFA_KEY, or NEXTAUTH_SECRET when that is not set (npm start always has one). Without either (unit
 * and integration tests), secrets are stored as given. Changing the key makes existing secrets unreadable:
 * the affected users then need an MFA reset by the security admin.
 */
const PREFIX = "v1:";

function keyOf(env: NodeJS.ProcessEnv): Buffer | null {
  const k = env.LIANGDI_MFA_KEY?.trim() || env.NEXTAUTH_SECRET?.trim();
  return k ? createHash("sha256").update(`liangdi-mfa-secret:${k}`).digest() : null;
}

export function sealSecret(plain: string, env: NodeJS.ProcessEnv = process.env): string {
  const key = keyOf(env);
  if (!key) return plain;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The secret, or null when it cannot be decrypted (wrong or missing key, tampered value). */
export function openSecret(stored: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (!stored.startsWith(PREFIX)) return stored;
  const key = keyOf(env);
  if (!key) return null;
  try {
    const raw = Buffer.from(stored.slice(PREFIX.length), "base64url");
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
