"use client";

import { Button, Result, Typography } from "antd";
import Link from "next/link";
import { useRequestId } from "./request-id";

/**
 * What a user sees when a page fails on the server: what to do next, and the references an administrator
 * needs — the request id (x-request-id, logged with the error by instrumentation.ts) and the error's digest.
 * The error's own message is never shown: it may name tables or data.
 */
export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const requestId = useRequestId();
  return (
    <Result
      status="error"
      title="页面加载失败"
      subTitle="服务器处理这个页面时出错，您的数据没有改动。请稍后重试；如果一再出现，请把下面的编号告诉系统管理员。"
      extra={[
        <Button key="retry" type="primary" onClick={reset}>
          重试
        </Button>,
        <Link key="home" href="/">
          <Button>返回首页</Button>
        </Link>,
      ]}
    >
      <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="error-reference">
        {requestId && (
          <>
            请求编号：
            <Typography.Text copyable code>
              {requestId}
            </Typography.Text>
            <br />
          </>
        )}
        {error.digest && (
          <>
            错误摘要：<Typography.Text code>{error.digest}</Typography.Text>
          </>
        )}
      </Typography.Paragraph>
    </Result>
  );
}
