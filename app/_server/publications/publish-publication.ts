import type { Session } from "../auth/session";


/** PUBLISHER publishes an APPROVED version: freezes the snapshot, hashes it, notifies the audience. Exactly one of concurrent requests succeeds. */
export async function publishPublication(session: Session, input: unknown): Promise<{ status: "PUBLISHED"; contentHash: string }> {
  void session;
  throw new Error("未实现");
}
