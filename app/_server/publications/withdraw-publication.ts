import type { Session } from "../auth/session";


/** PUBLISHER withdraws a PUBLISHED version with a reason; recipients no longer see it. */
export async function withdrawPublication(session: Session, input: unknown): Promise<{ status: "WITHDRAWN" }> {
  void session;
  throw new Error("未实现");
}
