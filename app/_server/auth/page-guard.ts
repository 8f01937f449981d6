import "server-only";
import { notFound } from "next/navigation";
import { AppError, UNEXPECTED_ERROR_MESSAGE } from "../errors";

/**
 * For pages: runs a use case and turns "forbidden" and "not found" into Next's 404 page, so a user probing a
 * URL they may not open sees the same page whether or not the object exists, and no data.
 */
export async function orNotFound<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) notFound();
    throw e;
  }
}

/** For server actions: the use case's result, or its typed error as a plain object the form can show. */
export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; message: string; fieldErrors: Record<string, string> };

export async function toActionResult<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, message: e.message, fieldErrors: e.fieldErrors };
    console.error("[action] unexpected error", e);
    return { ok: false, message: UNEXPECTED_ERROR_MESSAGE, fieldErrors: {} };
  }
}
