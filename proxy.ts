import { withAuth } from "next-auth/middleware";

/**
 * Only sends anonymous visitors to the login page. It is not the guard: every use case checks the session's
 * role and scope itself (the authorization tests pass without this file).
 */
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/((?!login|api/auth|api/v1|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
