import type { Metadata } from "next";
import { Button, Space } from "antd";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { listApiTokens } from "@/app/_server/sheets/list-api-tokens";
import { ApiTokensTable } from "@/components/sheets/api-tokens-table";
import { BackToSheets } from "@/components/sheets/back-to-sheets";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "API 令牌" };

export default async function ApiTokensPage() {
  const session = await requireSession();
  const tokens = await orNotFound(() => listApiTokens(session));
  return (
    <>
      <PageHeader
        title="API 令牌"
        description="供医保信息平台等系统每月自动推送底稿（POST /api/v1/sheets，请求头 Authorization: Bearer 令牌）。令牌以您的身份、仅以数据填报员角色上传本统筹区的数据，上传的版本同样须经审核。各接口的参数与响应见「接口说明」。"
        extra={
          <Space size={16} style={{ whiteSpace: "nowrap" }}>
            <Button type="link" href="/api-docs" style={{ padding: 0 }}>
              接口说明
            </Button>
            <BackToSheets />
          </Space>
        }
      />
      <ApiTokensTable tokens={tokens} />
    </>
  );
}
