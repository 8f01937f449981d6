import { mfaRequired } from "@/app/_domain/auth-policy";
import type { Session } from "../auth/session";
import { db } from "../db";

/** The signed-in user's own TOTP state (MLPS-04), for the account page: self-service, no permission needed. */
export interface MfaStatus {
  enabled: boolean;
  enabledAt: string | null;
  required: boolean;
  recoveryCodesLeft: number;
}

export async function getMfaStatus(session: Session): Promise<MfaStatus> {
  const prisma = await db();
  const u = await prisma.user.findUniqueOrThrow({ where: { id: session.userId } });
  return {
    enabled: !!u.mfaSecret,
    enabledAt: u.mfaEnabledAt?.toISOString() ?? null,
    required: mfaRequired(u),
    recoveryCodesLeft: await prisma.mfaRecoveryCode.count({ where: { userId: u.id, usedAt: null } }),
  };
}
