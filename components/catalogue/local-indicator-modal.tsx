"use client";

import { App, AutoComplete, Checkbox, Form, Input, Modal, Radio, Select, Space, Typography } from "antd";
import {
  BASIS_LABELS,
  FREQUENCIES,
  FREQUENCY_LABELS,
  SCHEMES,
  SCHEME_LABELS,
  SCOPE_LABELS,
  VALUE_BASES,
  INDICATOR_SCOPES,
  type IndicatorScope,
} from "@/app/_domain/catalogue";
import { describeFormulaIssue } from "@/app/_domain/catalogues/check-catalogue";
import { FORMULA_FUNCTIONS } from "@/app/_domain/formula/functions";
import { parseFormula } from "@/app/_domain/formula/parser";
import type { RegionIndicator } from "@/app/_server/catalogue/region-catalogue";
import { saveLocalIndicatorAction } from "@/app/(portal)/(antd)/catalogue/actions";
import { useFormSubmit } from "@/components/ui/use-form-submit";

const UNITS = ["万元", "元", "人", "人次", "%", "天", "月", "个", "床日", "比值", "指数"];

/** 新增/编辑地方指标: the form checks a formula's syntax as it is typed; the server checks references and cycles. */
export function LocalIndicatorModal({
  value,
  defaultScope,
  categories,
  regionName,
  onClose,
}: {
  value: RegionIndicator | null;
  defaultScope: IndicatorScope;
  categories: string[];
  regionName: string | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const { submit, pending } = useFormSubmit(
    form,
    (values) => saveLocalIndicatorAction(values, value?.id),
    () => {
      message.success(value ? "已保存" : "已新增地方指标");
      onClose();
    },
  );

  const initial = value ?? {
    scope: defaultScope,
    frequency: "MONTHLY",
    schemes: defaultScope === "INSTITUTION" ? ["TOTAL"] : ["EMPLOYEE", "RESIDENT", "TOTAL"],
    basis: "FLOW",
    category: regionName ? `${regionName}地方指标` : undefined,
  };
  return (
    <Modal
      open
      title={value ? `编辑地方指标：${value.code} ${value.nameZh}` : `新增地方指标${regionName ? `（${regionName}）` : ""}`}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={pending}
      okText="保存"
      width={720}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Space.Compact block>
          <Form.Item
            name="code"
            label="指标编码"
            rules={[{ required: true, message: "请填写指标编码" }]}
            style={{ width: "30%" }}
            extra={value ? "编码创建后不可修改" : "如 HF01，不能与目录已有编码重复"}
          >
            <Input disabled={!!value} maxLength={20} />
          </Form.Item>
          <Form.Item name="nameZh" label="指标名称" rules={[{ required: true, message: "请填写指标名称" }]} style={{ width: "70%" }}>
            <Input maxLength={100} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="category" label="类别" rules={[{ required: true, message: "请填写类别" }]} style={{ width: "50%" }}>
            <AutoComplete options={categories.map((c) => ({ value: c }))} filterOption />
          </Form.Item>
          <Form.Item name="unit" label="单位" rules={[{ required: true, message: "请填写单位" }]} style={{ width: "25%" }}>
            <AutoComplete options={UNITS.map((u) => ({ value: u }))} filterOption />
          </Form.Item>
          <Form.Item name="frequency" label="频次" style={{ width: "25%" }}>
            <Select options={FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))} />
          </Form.Item>
        </Space.Compact>
        <Space size="large" wrap>
          <Form.Item name="scope" label="层级">
            <Radio.Group options={INDICATOR_SCOPES.map((s) => ({ value: s, label: SCOPE_LABELS[s] }))} />
          </Form.Item>
          <Form.Item name="schemes" label="险种" rules={[{ required: true, message: "至少选择一个险种" }]}>
            <Checkbox.Group options={SCHEMES.map((s) => ({ value: s, label: SCHEME_LABELS[s] }))} />
          </Form.Item>
          <Form.Item name="basis" label="数值类型" style={{ minWidth: 180 }}>
            <Select options={VALUE_BASES.map((b) => ({ value: b, label: BASIS_LABELS[b] }))} />
          </Form.Item>
        </Space>
        <Form.Item
          name="formula"
          label="计算公式（留空为填报指标）"
          rules={[
            {
              validator: async (_, v: string | undefined) => {
                if (!v || !v.trim()) return;
                const parsed = parseFormula(v.trim());
                if (!parsed.ok) throw new Error(describeFormulaIssue(parsed.error));
              },
            },
          ]}
          extra={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              引用指标编码（如 FI03），限定险种写 FI03.EMPLOYEE；可用函数：{Object.keys(FORMULA_FUNCTIONS).join("、")}。例：PCT(IN17,
              IN02)、YOY(SV02) * 100。
            </Typography.Text>
          }
        >
          <Input.TextArea rows={2} placeholder="如 SV04 * 10000 / SV02" style={{ fontFamily: "monospace" }} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="minValue" label="合理范围下限" style={{ width: "50%" }}>
            <Input placeholder="如 0" />
          </Form.Item>
          <Form.Item name="maxValue" label="合理范围上限" style={{ width: "50%" }}>
            <Input placeholder="如 100" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="nameEn" label="英文名称">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="definition" label="口径说明" extra="统计什么、本年累计还是期末值、哪个险种，便于医疗机构理解。">
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
