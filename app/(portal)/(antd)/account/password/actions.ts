"use server";

import { changePassword } from "@/app/_server/account/change-password";
import { requireSession } from "@/app/_server/auth/current-session";
import { toActionResult } from "@/app/_server/auth/page-guard";

export async function changePasswordAction(input: unknown) {
  const session = await requireSession();
  return toActionResult(() => changePassword(session, input));
}
