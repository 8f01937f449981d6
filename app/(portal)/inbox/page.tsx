import { Card, Descriptions, Empty } from "antd";
import type { Metadata } from "next";
import { LEVEL_LABELS, TYPE_LABELS } from "@/app/_domain/institutions";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { getOwnInstitution } from "@/app/_server/home/get-own-institution";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "本院数据" };

export default async function Inbox() {
  const session = await requireSession();
  const i = await orNotFound(() => getOwnInstitution(session));
  return (
    <>
      <PageHeader title={i.name} description={`${i.regionName}医保数据工作组发布给本院的数据`} />
      <Card title="本院信息" style={{ marginBottom: 16 }}>
        <Descriptions column={3}>
          <Descriptions.Item label="机构编码">{i.code}</Descriptions.Item>
          <Descriptions.Item label="医院等级">{LEVEL_LABELS[i.level]}</Descriptions.Item>
          <Descriptions.Item label="机构类别">{TYPE_LABELS[i.type]}</Descriptions.Item>
          <Descriptions.Item label="统筹区">{`${i.regionName}（${i.regionCode}）`}</Descriptions.Item>
          <Descriptions.Item label="所在区县">{i.district ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="床位数">{i.beds ?? "—"}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="收到的发布">
        <Empty description="医保数据工作组尚未向本院发布数据。发布后，月度推送和季度发布会出现在这里。" />
      </Card>
    </>
  );
}
