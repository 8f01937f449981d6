"use client";

import Link from "next/link";
import { useRequestId } from "./request-id";

/**
 * What a user sees when a page fails on the server: what to do next, and the references an administrator
 * needs — the request id (x-request-id, logged with the error by instrumentation.ts) and the error's digest.
 * The error's own message is never shown: it may name tables or data. Plain HTML (the hospital's pages carry
 * no Ant Design); styles in portal-shell.css.
 */
export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const requestId = useRequestId();
  return (
    <div className="page-error" role="alert">
      <h3>页面加载失败</h3>
      <p>服务器处理这个页面时出错，您的数据没有改动。请稍后重试；如果一再出现，请把下面的编号告诉系统管理员。</p>
      <div className="page-error-actions">
        <button type="button" className="shell-button primary" onClick={reset}>
          重试
        </button>
        <Link className="shell-button" href="/">
          返回首页
        </Link>
      </div>
      <p data-testid="error-reference">
        {requestId && (
          <>
            请求编号：<code>{requestId}</code>
            <br />
          </>
        )}
        {error.digest && (
          <>
            错误摘要：<code>{error.digest}</code>
          </>
        )}
      </p>
    </div>
  );
}
