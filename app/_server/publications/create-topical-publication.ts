import type { Session } from "../auth/session";


/** DATA_ENTRY starts a 专题分析 (createTopicalSchema): a blank or template layout, or a copy of another version's layout. */
export async function createTopicalPublication(session: Session, input: unknown): Promise<{ id: string; versionId: string }> {
  void session;
  throw new Error("未实现");
}
