/**
 * How large a request body may be (issue 16, finding 1). Uploads accept files up to 20 MB
 * (SHEET_MAX_FILE_BYTES, MAX_FILE_BYTES) plus a little form overhead: UPLOAD_BODY_LIMIT.
 *
 * Next's proxy layer (proxy.ts runs on every route) buffers a request body up to `proxyClientMaxBodySize` and
 * silently passes on only what fits — by default 10 MB, which cut uploads short. next.config.ts sets it to
 * PROXY_BODY_LIMIT, a margin above UPLOAD_BODY_LIMIT: every body a route would accept arrives whole, and a
 * longer one still arrives longer than UPLOAD_BODY_LIMIT (Next drops whole chunks of at most 64 KiB at the
 * cut), so the route's own count refuses it with 413. proxy.ts refuses a declared Content-Length above
 * UPLOAD_BODY_LIMIT before any of the body is read.
 */
export const MAX_UPLOAD_FILE_BYTES = 20 * 1024 * 1024;
export const UPLOAD_FORM_OVERHEAD = 64 * 1024;
export const UPLOAD_BODY_LIMIT = MAX_UPLOAD_FILE_BYTES + UPLOAD_FORM_OVERHEAD;
export const PROXY_BODY_LIMIT = UPLOAD_BODY_LIMIT + 4 * 1024 * 1024;

export const TOO_LARGE_MESSAGE = `上传内容超过 ${MAX_UPLOAD_FILE_BYTES / 1024 / 1024} MB 的上限，请拆分后分批上传。`;
