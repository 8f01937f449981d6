"use server";

import { revalidatePath } from "next/cache";
import { createUser } from "@/app/_server/admin/create-user";
import { resetUserPassword } from "@/app/_server/admin/reset-user-password";
import { setUserStatus } from "@/app/_server/admin/set-user-status";
import { updateUser } from "@/app/_server/admin/update-user";
import { requireSession } from "@/app/_server/auth/current-session";
import { toActionResult } from "@/app/_server/auth/page-guard";

export async function createUserAction(input: unknown) {
  const session = await requireSession();
  const result = await toActionResult(() => createUser(session, input));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function updateUserAction(input: unknown) {
  const session = await requireSession();
  const result = await toActionResult(() => updateUser(session, input));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function setUserStatusAction(input: unknown) {
  const session = await requireSession();
  const result = await toActionResult(() => setUserStatus(session, input));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function resetUserPasswordAction(input: unknown) {
  const session = await requireSession();
  const result = await toActionResult(() => resetUserPassword(session, input));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}
