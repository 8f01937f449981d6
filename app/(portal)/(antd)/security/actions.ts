"use server";

import { revalidatePath } from "next/cache";
import { requireSession } from "@/app/_server/auth/current-session";
import { toActionResult } from "@/app/_server/auth/page-guard";
import { resetMfa } from "@/app/_server/security/reset-mfa";
import { terminateSessions } from "@/app/_server/security/terminate-sessions";
import { unlockAccount } from "@/app/_server/security/unlock-account";

export async function unlockAccountAction(input: unknown) {
  const session = await requireSession();
  const result = await toActionResult(() => unlockAccount(session, input));
  if (result.ok) revalidatePath("/security");
  return result;
}

export async function terminateSessionsAction(input: unknown) {
  const session = await requireSession();
  const result = await toActionResult(() => terminateSessions(session, input));
  if (result.ok) revalidatePath("/security");
  return result;
}

export async function resetMfaAction(input: unknown) {
  const session = await requireSession();
  const result = await toActionResult(() => resetMfa(session, input));
  if (result.ok) revalidatePath("/security");
  return result;
}
