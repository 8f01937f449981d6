"use client";

import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag } from "antd";
import { useMemo, useState } from "react";
import { REGION_LEVEL_LABELS, REGION_LEVELS, type RegionInput } from "@/app/_domain/schemas/region";
import type { ProvinceDto } from "@/app/_server/admin/list-provinces";
import type { RegionDto } from "@/app/_server/admin/list-regions";
import { saveRegionAction } from "@/app/(portal)/(antd)/admin/regions/actions";
import { useFormSubmit } from "@/components/ui/use-form-submit";

export function RegionsTable({ regions, provinces }: { regions: RegionDto[]; provinces: ProvinceDto[] }) {
  const [provinceId, setProvinceId] = useState<string | undefined>();
  const [q, setQ] = useState("");
  const [editing, setEditing] = useState<RegionDto | "new" | null>(null);
  const rows = useMemo(
    () => regions.filter((r) => (!provinceId || r.provinceId === provinceId) && (!q || r.name.includes(q) || r.code.includes(q))),
    [regions, provinceId, q],
  );
  return (
    <Card>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          allowClear
          aria-label="按省份筛选"
          placeholder="全部省份"
          style={{ width: 180 }}
          value={provinceId}
          onChange={setProvinceId}
          options={provinces.map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
        />
        <Input.Search
          placeholder="按名称或编码搜索"
          allowClear
          style={{ width: 240 }}
          onSearch={setQ}
          onChange={(e) => !e.target.value && setQ("")}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} disabled={provinces.length === 0}>
          新增统筹区
        </Button>
      </Space>
      <Table<RegionDto>
        rowKey="id"
        size="middle"
        dataSource={rows}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个` }}
        columns={[
          { title: "统筹区编码", dataIndex: "code", width: 120, render: (v) => <span className="num">{v}</span> },
          { title: "统筹区名称", dataIndex: "name" },
          { title: "层级", dataIndex: "level", width: 100, render: (v: RegionDto["level"]) => REGION_LEVEL_LABELS[v] },
          { title: "省份", dataIndex: "provinceName", width: 100 },
          { title: "上级统筹区", dataIndex: "parentName", width: 120, render: (v) => v ?? "—" },
          { title: "医疗机构", dataIndex: "institutionCount", width: 90, align: "right", render: (v) => <span className="num">{v}</span> },
          { title: "用户", dataIndex: "userCount", width: 70, align: "right", render: (v) => <span className="num">{v}</span> },
          { title: "状态", dataIndex: "active", width: 80, render: (v) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          { title: "操作", width: 80, render: (_, r) => <a onClick={() => setEditing(r)}>编辑</a> },
        ]}
      />
      {editing && (
        <RegionModal value={editing === "new" ? null : editing} regions={regions} provinces={provinces} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

function RegionModal({
  value,
  regions,
  provinces,
  onClose,
}: {
  value: RegionDto | null;
  regions: RegionDto[];
  provinces: ProvinceDto[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<RegionInput>();
  const { message } = App.useApp();
  const provinceId = Form.useWatch("provinceId", form);
  // A parent is another region of the same province (the server also refuses the region's own descendants).
  const parents = regions.filter((r) => r.provinceId === provinceId && r.id !== value?.id);
  const { submit, pending } = useFormSubmit(
    form,
    (values) => saveRegionAction({ ...values, parentId: values.parentId ?? null }, value?.id),
    () => {
      message.success(value ? "已保存" : "已新增统筹区");
      onClose();
    },
  );
  const initialValues: Partial<RegionInput> = value
    ? {
        code: value.code,
        name: value.name,
        level: value.level,
        provinceId: value.provinceId,
        parentId: value.parentId ?? undefined,
        active: value.active,
      }
    : { level: "CITY", active: true, provinceId: provinces.length === 1 ? provinces[0].id : undefined };
  return (
    <Modal
      open
      title={value ? `编辑：${value.name}` : "新增统筹区"}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={pending}
      okText="保存"
      width={520}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialValues}>
        <Space.Compact block>
          <Form.Item name="provinceId" label="所属省份" rules={[{ required: true, message: "请选择所属省份" }]} style={{ width: "50%" }}>
            <Select
              options={provinces.map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
              onChange={() => form.setFieldValue("parentId", undefined)}
            />
          </Form.Item>
          <Form.Item
            name="code"
            label="统筹区编码"
            rules={[
              { required: true, message: "请填写统筹区编码" },
              { pattern: /^\d{6}$/, message: "应为 6 位数字" },
            ]}
            extra={value && value.institutionCount > 0 ? "已有医疗机构，编码不能修改" : undefined}
            style={{ width: "50%" }}
          >
            <Input placeholder="行政区划代码，如 340100" maxLength={6} disabled={!!value && value.institutionCount > 0} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="name" label="统筹区名称" rules={[{ required: true, message: "请填写统筹区名称" }]}>
          <Input placeholder="如 合肥市" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="level" label="统筹层级" style={{ width: "40%" }}>
            <Select options={REGION_LEVELS.map((l) => ({ value: l, label: REGION_LEVEL_LABELS[l] }))} />
          </Form.Item>
          <Form.Item name="parentId" label="上级统筹区" style={{ width: "60%" }} extra="县级统筹区可挂在市级统筹区下；可不填">
            <Select allowClear placeholder="无" options={parents.map((r) => ({ value: r.id, label: `${r.name}（${r.code}）` }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="active" label="状态" valuePropName="checked">
          <Switch checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
