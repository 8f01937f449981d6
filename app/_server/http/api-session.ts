import { getSession } from "../auth/current-session";
import { clientIp, requestId } from "../auth/request-context";
import type { Session } from "../auth/session";
import { sessionFromApiToken } from "../sheets/api-tokens";
import { assertSameOrigin } from "./route-helpers";

/**
 * The caller of an /api/v1 request: a bearer API token, or the signed-in user's session (whose state-changing
 * requests must come from our own origin). null → 401.
 */
export async function apiSession(request: Request, { allowToken = true } = {}): Promise<Session | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    if (!allowToken) return null;
    return sessionFromApiToken(authorization, { ip: clientIp(request.headers), requestId: requestId(request.headers) });
  }
  if (request.method !== "GET" && request.method !== "HEAD") assertSameOrigin(request);
  return getSession();
}
