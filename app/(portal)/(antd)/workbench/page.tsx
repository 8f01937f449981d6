import { Card, Col, Descriptions, Row, Statistic, Tag } from "antd";
import type { Metadata } from "next";
import { LEVEL_LABELS, INSTITUTION_LEVELS } from "@/app/_domain/institutions";
import { ROLE_LABELS, type Role } from "@/app/_domain/roles";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { getRegionWorkbench } from "@/app/_server/home/get-region-workbench";
import { getPublicationsDue } from "@/app/_server/publications/get-publications-due";
import { InstitutionList } from "@/components/home/institution-list";
import { DueList } from "@/components/publications/due-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "工作台" };

export default async function Workbench() {
  const session = await requireSession();
  const [w, due] = await Promise.all([orNotFound(() => getRegionWorkbench(session)), orNotFound(() => getPublicationsDue(session))]);
  return (
    <>
      <PageHeader
        title={`${w.region.name}医保数据工作组`}
        description={`${w.region.provinceName} · 统筹区编码 ${w.region.code} · 向本统筹区定点医疗机构发布医保数据`}
      />
      <DueList due={due} />
      {/* The total and one card per level share the row equally (spans of 24 left a gap at the right). */}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col flex="1 1 0">
          <Card>
            <Statistic title="定点医疗机构" value={w.institutionCount} suffix="家" />
          </Card>
        </Col>
        {INSTITUTION_LEVELS.map((l) => (
          <Col flex="1 1 0" key={l}>
            <Card>
              <Statistic title={`${LEVEL_LABELS[l]}机构`} value={w.byLevel[l]} suffix="家" />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col span={16}>
          <Card title="本统筹区定点医疗机构">
            <InstitutionList rows={w.institutions} />
          </Card>
        </Col>
        <Col span={8}>
          <Card title="工作组成员">
            <Descriptions column={1} size="small">
              {w.colleagues.map((c) => (
                <Descriptions.Item key={c.displayName} label={c.displayName}>
                  {(c.roles as Role[]).map((r) => (
                    <Tag key={r}>{ROLE_LABELS[r]}</Tag>
                  ))}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </>
  );
}
