"use client";

import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from "antd";
import { useMemo, useState } from "react";
import { INSTITUTION_LEVELS, INSTITUTION_TYPES, LEVEL_LABELS, TYPE_LABELS } from "@/app/_domain/institutions";
import type { InstitutionDto } from "@/app/_server/admin/list-institutions";
import { saveInstitutionAction } from "@/app/(portal)/(antd)/admin/institutions/actions";
import { useFormSubmit } from "@/components/ui/use-form-submit";

type RegionOption = { id: string; code: string; name: string };

export function InstitutionsTable({
  institutions,
  regions,
  toolbar,
}: {
  institutions: InstitutionDto[];
  regions: RegionOption[];
  toolbar?: React.ReactNode;
}) {
  const [regionId, setRegionId] = useState<string | undefined>();
  const [q, setQ] = useState("");
  const [editing, setEditing] = useState<InstitutionDto | "new" | null>(null);
  const rows = useMemo(
    () =>
      institutions.filter((i) => (!regionId || i.regionId === regionId) && (!q || i.name.includes(q) || i.code.includes(q.toUpperCase()))),
    [institutions, regionId, q],
  );
  return (
    <Card>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          allowClear
          aria-label="按统筹区筛选"
          placeholder="全部统筹区"
          style={{ width: 180 }}
          value={regionId}
          onChange={setRegionId}
          options={regions.map((r) => ({ value: r.id, label: `${r.name}（${r.code}）` }))}
        />
        <Input.Search
          placeholder="按名称或编码搜索"
          allowClear
          style={{ width: 240 }}
          onSearch={setQ}
          onChange={(e) => !e.target.value && setQ("")}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
          新增机构
        </Button>
        {toolbar}
      </Space>
      <Table<InstitutionDto>
        rowKey="id"
        size="middle"
        dataSource={rows}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 家` }}
        columns={[
          { title: "机构编码", dataIndex: "code", width: 150, render: (v) => <span className="num">{v}</span> },
          { title: "机构名称", dataIndex: "name" },
          { title: "统筹区", dataIndex: "regionName", width: 100 },
          { title: "等级", dataIndex: "level", width: 80, render: (v: InstitutionDto["level"]) => LEVEL_LABELS[v] },
          { title: "类别", dataIndex: "type", width: 80, render: (v: InstitutionDto["type"]) => TYPE_LABELS[v] },
          { title: "区县", dataIndex: "district", width: 100, render: (v) => v ?? "—" },
          {
            title: "床位",
            dataIndex: "beds",
            width: 80,
            align: "right",
            render: (v) => (v == null ? "—" : <span className="num">{v}</span>),
          },
          { title: "状态", dataIndex: "active", width: 80, render: (v) => (v ? <Tag color="green">定点</Tag> : <Tag>停用</Tag>) },
          { title: "操作", width: 80, render: (_, r) => <a onClick={() => setEditing(r)}>编辑</a> },
        ]}
      />
      {editing && <InstitutionModal value={editing === "new" ? null : editing} regions={regions} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function InstitutionModal({ value, regions, onClose }: { value: InstitutionDto | null; regions: RegionOption[]; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const { submit, pending } = useFormSubmit(
    form,
    (values) => saveInstitutionAction(values, value?.id),
    () => {
      message.success(value ? "已保存" : "已新增机构");
      onClose();
    },
  );
  return (
    <Modal
      open
      title={value ? `编辑：${value.name}` : "新增医疗机构"}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={pending}
      okText="保存"
      width={560}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={value ?? { active: true, level: "LEVEL_2", type: "GENERAL" }}>
        <Space.Compact block>
          <Form.Item name="regionId" label="统筹区" rules={[{ required: true, message: "请选择统筹区" }]} style={{ width: "40%" }}>
            <Select options={regions.map((r) => ({ value: r.id, label: `${r.name}（${r.code}）` }))} />
          </Form.Item>
          <Form.Item name="code" label="机构编码" rules={[{ required: true, message: "请填写机构编码" }]} style={{ width: "60%" }}>
            <Input placeholder="H + 统筹区编码 + 5 位序号" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="name" label="机构名称" rules={[{ required: true, message: "请填写机构名称" }]}>
          <Input />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="level" label="医院等级" style={{ width: "33%" }}>
            <Select options={INSTITUTION_LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))} />
          </Form.Item>
          <Form.Item name="type" label="机构类别" style={{ width: "33%" }}>
            <Select options={INSTITUTION_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))} />
          </Form.Item>
          <Form.Item name="beds" label="床位数" style={{ width: "34%" }}>
            <InputNumber min={0} max={20000} precision={0} style={{ width: "100%" }} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="district" label="所在区县" style={{ width: "50%" }}>
            <Input />
          </Form.Item>
          <Form.Item name="designatedSince" label="定点起始日期" style={{ width: "50%" }}>
            <Input placeholder="2019-07-01" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="active" label="定点状态" valuePropName="checked">
          <Switch checkedChildren="定点" unCheckedChildren="停用" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
