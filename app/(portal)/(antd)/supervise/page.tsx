import { Card, Col, Row, Statistic, Table } from "antd";
import type { Metadata } from "next";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { getProvinceOverview } from "@/app/_server/home/get-province-overview";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "监管总览" };

export default async function Supervise() {
  const session = await requireSession();
  const o = await orNotFound(() => getProvinceOverview(session));
  const total = o.regions.reduce((s, r) => s + r.institutionCount, 0);
  return (
    <>
      <PageHeader title={`${o.province.name}医保数据发布监管`} description="查看辖区内各统筹区的数据发布情况与已发布数据。" />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Card>
            <Statistic title="统筹区" value={o.regions.length} suffix="个" />
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic title="定点医疗机构" value={total} suffix="家" />
          </Card>
        </Col>
      </Row>
      <Card title="辖区统筹区">
        <Table
          rowKey="code"
          pagination={false}
          dataSource={o.regions.map((r) => ({ ...r, levelLabel: r.level === "CITY" ? "市级统筹" : "县级统筹" }))}
          columns={[
            { title: "统筹区编码", dataIndex: "code", width: 140 },
            { title: "统筹区", dataIndex: "name" },
            { title: "统筹层次", dataIndex: "levelLabel", width: 120 },
            { title: "定点医疗机构（家）", dataIndex: "institutionCount", width: 180, align: "right" },
          ]}
        />
      </Card>
    </>
  );
}
