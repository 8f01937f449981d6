import { Card, Descriptions, Space, Tag } from "antd";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BASIS_LABELS, FREQUENCY_LABELS, SCHEME_LABELS, SCOPE_LABELS, TAG_LABELS } from "@/app/_domain/catalogue";
import { explainIndicator } from "@/app/_domain/indicator-explanation";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { getCatalogueVersion } from "@/app/_server/catalogue/get-catalogue-version";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "指标说明" };

/**
 * One indicator of a catalogue version: its 口径, its formula in readable form with a link to every indicator it
 * reads, the indicators that read it, and how its numbers are obtained (docs/metrics.md). Who may open it is who
 * may open the catalogue version (getCatalogueVersion); an unknown code is the 404 page.
 */
export default async function IndicatorPage({ params }: { params: Promise<{ code: string; indicator: string }> }) {
  const session = await requireSession();
  const { code, indicator } = await params;
  const detail = await orNotFound(() => getCatalogueVersion(session, decodeURIComponent(code)));
  const x = explainIndicator(detail.indicators, decodeURIComponent(indicator));
  if (!x) notFound();
  const i = x.indicator;
  const base = `/catalogue/${encodeURIComponent(detail.version.code)}`;
  const link = (c: string, label: string) => (
    <Link key={c + label} href={`${base}/${encodeURIComponent(c)}`}>
      {label}
    </Link>
  );
  const range = i.minValue === null && i.maxValue === null ? "未设置" : `${i.minValue ?? "不限"} ～ ${i.maxValue ?? "不限"} ${i.unit}`;
  return (
    <>
      <PageHeader
        title={`${i.code} ${i.nameZh}`}
        description={`${detail.version.name}（${detail.version.code}）· ${SCOPE_LABELS[i.scope]}指标 · ${i.category}`}
        extra={<Link href={base}>返回指标目录</Link>}
      />
      <Card size="small" data-testid="indicator-explanation">
        <Descriptions size="small" column={1} bordered styles={{ label: { width: 140 } }}>
          <Descriptions.Item label="口径">{i.definition ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="计算公式">
            {x.formula ? (
              <Space orientation="vertical" size={4}>
                <span data-testid="readable-formula">
                  {i.nameZh} = {x.formula.map((p, k) => ("text" in p ? <span key={k}>{p.text}</span> : link(p.code, p.label)))}
                </span>
                <span style={{ fontSize: 12, color: "rgba(0, 0, 0, 0.62)" }}>
                  公式原文：<code>{i.formula}</code>
                </span>
              </Space>
            ) : i.formula ? (
              <code>{i.formula}</code>
            ) : (
              "填报指标（由统筹区在数据底稿中填报）"
            )}
          </Descriptions.Item>
          {x.reads.length > 0 && (
            <Descriptions.Item label="引用的指标">
              <Space wrap size={[12, 4]}>
                {x.reads.map((r) =>
                  link(r.code, `${r.code} ${r.nameZh ?? "（目录中没有此编码）"}${r.scheme ? `（${SCHEME_LABELS[r.scheme]}）` : ""}`),
                )}
              </Space>
            </Descriptions.Item>
          )}
          <Descriptions.Item label="被以下指标引用">
            {x.usedBy.length ? (
              <Space wrap size={[12, 4]}>
                {x.usedBy.map((u) => link(u.code, `${u.code} ${u.nameZh}`))}
              </Space>
            ) : (
              "无"
            )}
          </Descriptions.Item>
          <Descriptions.Item label="取值规则">
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {x.rules.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </Descriptions.Item>
          <Descriptions.Item label="单位 · 频次">
            {i.unit} · {FREQUENCY_LABELS[i.frequency]}度
          </Descriptions.Item>
          <Descriptions.Item label="险种">
            {i.schemes.map((s) => (
              <Tag key={s}>{SCHEME_LABELS[s]}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label="数值类型">{BASIS_LABELS[i.basis]}</Descriptions.Item>
          <Descriptions.Item label="合理范围">{range}</Descriptions.Item>
          <Descriptions.Item label="标签 · 证据等级">
            {TAG_LABELS[i.tag]} · {i.evidence ?? "—"}
          </Descriptions.Item>
          {i.nameEn && <Descriptions.Item label="英文名称">{i.nameEn}</Descriptions.Item>}
        </Descriptions>
      </Card>
    </>
  );
}
