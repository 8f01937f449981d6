import type { Session } from "../auth/session";


/** Marks the caller's notifications read (all when no ids). */
export async function markNotificationsRead(session: Session, input: { ids?: string[] }): Promise<{ updated: number }> {
  void session;
  throw new Error("未实现");
}
