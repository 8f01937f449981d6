import type { Session } from "../auth/session";
import type { ReceiptsDto } from "./dto";

/** Region staff: which audience institutions opened and acknowledged a published version (user and time), and who has not. */
export async function getPublicationReceipts(session: Session, input: { versionId: string }): Promise<ReceiptsDto> {
  void session;
  throw new Error("未实现");
}
