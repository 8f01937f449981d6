import type { Metadata } from "next";
import { Button } from "antd";
import { apiV1Document } from "@/app/api/v1/operations";
import { ApiReference } from "@/components/api-docs/api-reference";
import { apiDocsView } from "@/components/api-docs/view-model";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "接口说明" };

/**
 * The OpenAPI description of /api/v1 for people: every operation, parameter, body and answer, from the same
 * document /api/v1/openapi.json serves (itself built from the routes' zod schemas). Any signed-in user: it
 * holds no data.
 */
export default function ApiDocsPage() {
  const view = apiDocsView(apiV1Document());
  return (
    <>
      <PageHeader
        title="接口说明（/api/v1）"
        description={`${view.description} 机器可读的 OpenAPI 3.1 文档见 /api/v1/openapi.json，可导入 Postman、Apifox 或代码生成工具。`}
      />
      {/* Below the header, not beside it: on a phone a button beside the title squeezes it to a column. */}
      <Button href="/api/v1/openapi.json" target="_blank" style={{ marginBottom: 16 }}>
        下载 openapi.json
      </Button>
      <ApiReference view={view} />
    </>
  );
}
