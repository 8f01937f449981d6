import type { Session } from "../auth/session";


/** A hospital user confirms 确认已阅 for the latest published version they see. */
export async function acknowledgePublication(session: Session, input: { id: string }): Promise<{ acknowledgedAt: string }> {
  void session;
  throw new Error("未实现");
}
