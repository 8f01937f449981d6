import type { Session } from "../auth/session";
import type { NotificationDto } from "./dto";

/** The caller's in-app notifications, newest first. */
export async function listNotifications(session: Session, input: { unreadOnly?: boolean } = {}): Promise<NotificationDto[]> {
  void session;
  throw new Error("未实现");
}
