"use server";

import { confirmMfaEnrolment } from "@/app/_server/account/confirm-mfa-enrolment";
import { signOutEverywhere } from "@/app/_server/account/sign-out-everywhere";
import { requireSession } from "@/app/_server/auth/current-session";
import { toActionResult } from "@/app/_server/auth/page-guard";

export async function confirmMfaEnrolmentAction(input: unknown) {
  const session = await requireSession();
  return toActionResult(() => confirmMfaEnrolment(session, input));
}

export async function signOutEverywhereAction() {
  const session = await requireSession();
  return toActionResult(() => signOutEverywhere(session));
}
