import type { Session } from "../auth/session";
import type { DueDto } from "./dto";

/** The workbench's what-is-due for the region staff. */
export async function getPublicationsDue(session: Session): Promise<DueDto> {
  void session;
  throw new Error("未实现");
}
