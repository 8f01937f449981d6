/** Typed errors: a code maps to an HTTP status; the message is plain Chinese for the user. */
export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID" | "CONFLICT" | "TOO_LARGE";

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID: 422,
  CONFLICT: 409,
  TOO_LARGE: 413,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Field name → message, for forms. */
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
  get status() {
    return STATUS[this.code];
  }
}

/** What a user sees for an error nobody foresaw (logged on the server with the request id). */
export const UNEXPECTED_ERROR_MESSAGE = "系统错误，请稍后重试；如果一再出现，请联系系统管理员。";

export const forbidden = () => new AppError("FORBIDDEN", "您没有执行此操作的权限。");
export const notFound = (what = "对象") => new AppError("NOT_FOUND", `${what}不存在或您无权查看。`);
export const invalid = (message: string, fieldErrors?: Record<string, string>) => new AppError("INVALID", message, fieldErrors);

/** Turns a zod failure into an AppError with one message per field. */
export function fromZod(error: { issues: { path: PropertyKey[]; message: string }[] }): AppError {
  const fieldErrors: Record<string, string> = {};
  for (const i of error.issues) fieldErrors[String(i.path[0] ?? "")] ??= i.message;
  return invalid(Object.values(fieldErrors)[0] ?? "输入有误。", fieldErrors);
}
