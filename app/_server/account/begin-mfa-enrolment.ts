import QRCode from "qrcode";
import type { Session } from "../auth/session";
import { openSecret, sealSecret } from "../auth/secret-box";
import { newTotpSecret, totpUri } from "../auth/totp";
import { db } from "../db";
import { AppError } from "../errors";

/**
 * TOTP enrolment (MLPS-04) by the user themself: every signed-in user may enrol (it is how a pending
 * "enrol-mfa" step is finished, so these use cases do not call requirePermission, like changePassword).
 */

export interface MfaEnrolment {
  secret: string;
  uri: string;
  /** The otpauth:// URI as an SVG QR code (generated here, no third-party service sees the secret). */
  qrSvg: string;
}

/** Starts (or resumes) enrolment: a new secret is kept as pending until a code from it is confirmed. */
export async function beginMfaEnrolment(session: Session): Promise<MfaEnrolment> {
  const prisma = await db();
  const u = await prisma.user.findUniqueOrThrow({ where: { id: session.userId } });
  if (u.mfaSecret) throw new AppError("CONFLICT", "双因素认证已启用。如需更换设备，请联系安全管理员重置。");
  // Stored sealed (secret-box.ts); a pending secret that cannot be opened (the key changed) is replaced.
  let secret = u.mfaPendingSecret ? openSecret(u.mfaPendingSecret) : null;
  if (!secret) {
    secret = newTotpSecret();
    await prisma.user.update({ where: { id: u.id }, data: { mfaPendingSecret: sealSecret(secret) } });
  }
  const uri = totpUri(u.username, secret);
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrSvg };
}
