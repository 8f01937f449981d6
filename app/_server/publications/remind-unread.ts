import type { Session } from "../auth/session";


/** PUBLISHER / DATA_ENTRY: an in-app reminder to every user of the audience institutions that have not acknowledged. */
export async function remindUnread(session: Session, input: unknown): Promise<{ reminded: number }> {
  void session;
  throw new Error("未实现");
}
