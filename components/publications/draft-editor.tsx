"use client";

import { App, Button, Card, DatePicker, Form, Input, Radio, Select, Space } from "antd";
import dayjs from "dayjs";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateDraftAction } from "@/app/(portal)/(antd)/publications/actions";
import { INSTITUTION_LEVELS, LEVEL_LABELS } from "@/app/_domain/institutions";
import { PEER_MODE_LABELS, PEER_MODES, type Audience, type Layout, type PeerMode } from "@/app/_domain/publications/types";
import type { PublicationEditorDto } from "@/app/_server/publications/dto";
import { LayoutEditor } from "./layout-editor";

/** Editing a DRAFT: title, audience, peer mode, embargo, 智能解读 and the layout; read-only in any other status. */
export function DraftEditor({ e }: { e: PublicationEditorDto }) {
  const { message } = App.useApp();
  const router = useRouter();
  const [title, setTitle] = useState(e.title);
  const [audience, setAudience] = useState<Audience>(e.audience);
  const [peerMode, setPeerMode] = useState<PeerMode>(e.peerMode);
  const [embargo, setEmbargo] = useState<string | null>(e.embargoUntil);
  const [narrative, setNarrative] = useState(e.narrative);
  const [layout, setLayout] = useState<Layout>(e.layout);
  const [busy, setBusy] = useState(false);
  const ro = !e.can.edit;
  const save = async () => {
    setBusy(true);
    const r = await updateDraftAction({ versionId: e.versionId, title, audience, peerMode, embargoUntil: embargo, narrative, layout });
    setBusy(false);
    if (r.ok) {
      message.success("草稿已保存");
      router.refresh();
    } else message.error(r.message);
  };
  return (
    <Card
      title={ro ? "内容与设置（只读）" : "编辑草稿"}
      style={{ marginBottom: 16 }}
      extra={
        !ro && (
          <Button type="primary" loading={busy} onClick={save} data-testid="save-draft">
            保存草稿
          </Button>
        )
      }
    >
      <Form layout="vertical" disabled={ro}>
        <Form.Item label="标题">
          <Input aria-label="标题" value={title} onChange={(ev) => setTitle(ev.target.value)} maxLength={80} data-testid="draft-title" />
        </Form.Item>
        <Space wrap size={[24, 0]} align="start">
          <Form.Item label="发布对象">
            <Space direction="vertical">
              <Radio.Group
                value={audience.kind}
                onChange={(ev) =>
                  setAudience(
                    ev.target.value === "ALL"
                      ? { kind: "ALL" }
                      : ev.target.value === "LEVELS"
                        ? { kind: "LEVELS", levels: ["LEVEL_3"] }
                        : { kind: "LIST", institutionCodes: [] },
                  )
                }
              >
                <Radio value="ALL">全部定点医疗机构</Radio>
                <Radio value="LEVELS">按等级</Radio>
                <Radio value="LIST">指定机构</Radio>
              </Radio.Group>
              {audience.kind === "LEVELS" && (
                <Select
                  aria-label="发布对象的等级"
                  mode="multiple"
                  style={{ minWidth: 280 }}
                  value={audience.levels}
                  onChange={(levels) => setAudience({ kind: "LEVELS", levels })}
                  options={INSTITUTION_LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
                />
              )}
              {audience.kind === "LIST" && (
                <Select
                  aria-label="发布对象机构"
                  mode="multiple"
                  style={{ minWidth: 320, maxWidth: 560 }}
                  showSearch={{ optionFilterProp: "label" }}
                  value={audience.institutionCodes}
                  onChange={(institutionCodes) => setAudience({ kind: "LIST", institutionCodes })}
                  options={e.institutions.map((i) => ({ value: i.code, label: `${i.name}（${LEVEL_LABELS[i.level]}）` }))}
                  maxTagCount="responsive"
                />
              )}
            </Space>
          </Form.Item>
          <Form.Item
            label="同级比较方式"
            tooltip="实名：直接显示机构名称（仅适合彼此为同级的对象，如三级专场）；匿名：本院实名，其他机构以字母代替；仅本院：不显示其他机构"
          >
            <Radio.Group
              value={peerMode}
              onChange={(ev) => setPeerMode(ev.target.value)}
              options={PEER_MODES.map((m) => ({ value: m, label: PEER_MODE_LABELS[m] }))}
            />
          </Form.Item>
          <Form.Item label="解禁时间（可选）" tooltip="解禁前医疗机构看不到本发布，工作组可见">
            <DatePicker
              aria-label="解禁时间"
              showTime={{ format: "HH:mm" }}
              format="YYYY-MM-DD HH:mm"
              value={embargo ? dayjs(embargo) : null}
              onChange={(d) => setEmbargo(d ? d.toISOString() : null)}
              placeholder="发布后立即可见"
            />
          </Form.Item>
        </Space>
        <Form.Item label="智能解读（已按数据预填，可修改）">
          <Input.TextArea
            aria-label="智能解读"
            rows={6}
            value={narrative}
            onChange={(ev) => setNarrative(ev.target.value)}
            maxLength={20000}
            showCount
            data-testid="draft-narrative"
          />
        </Form.Item>
        <Form.Item label="版式">
          <LayoutEditor value={layout} onChange={setLayout} indicators={e.indicators} disabled={ro} />
        </Form.Item>
      </Form>
    </Card>
  );
}
