"use client";

import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Typography } from "antd";
import { useState, useTransition } from "react";
import { verifyAuditChainAction } from "@/app/(portal)/(antd)/audit/actions";
import { beijingTime } from "@/app/_domain/sheets/display";

type Result = Awaited<ReturnType<typeof verifyAuditChainAction>>;

/** 校验哈希链: recomputes every row's hash on the server and names the first row that was tampered with. */
export function AuditVerifyCard() {
  const [result, setResult] = useState<Result | null>(null);
  const [pending, start] = useTransition();
  return (
    <Card title="日志完整性校验" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        审计日志只能追加：数据库拒绝修改和删除，每条记录都带有前一条记录的哈希（SHA-256 哈希链）。校验会从第一条记录起逐条重新计算，
        指出第一条被修改、删除或插入的记录。服务器上也可运行 <Typography.Text code>npm run audit:verify</Typography.Text>。
      </Typography.Paragraph>
      <Button
        type="primary"
        icon={<SafetyCertificateOutlined />}
        loading={pending}
        onClick={() => start(async () => setResult(await verifyAuditChainAction()))}
      >
        校验哈希链
      </Button>
      {result && (
        <Alert
          style={{ marginTop: 16 }}
          showIcon
          type={!result.ok ? "error" : result.data.ok ? "success" : "error"}
          title={!result.ok ? result.message : result.data.ok ? "哈希链完整" : "发现篡改"}
          description={
            result.ok
              ? `${result.data.summary.replace(/^哈希链(完整|断裂)：/, "")}（校验时间 ${beijingTime(result.data.checkedAt)}）`
              : undefined
          }
        />
      )}
    </Card>
  );
}
