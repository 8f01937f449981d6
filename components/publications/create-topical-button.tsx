"use client";

import { App, Button, DatePicker, Form, Input, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createTopicalAction } from "@/app/(portal)/(antd)/publications/actions";

interface Values {
  title: string;
  range: [Dayjs, Dayjs];
  template: "BLANK" | "LEVEL_3_SPECIAL" | string;
}

/** 新建专题分析: a title, a range of months, and a blank layout, the 三级专场 template, or a copy of a publication. */
export function CreateTopicalButton({ copyable, defaultEnd }: { copyable: { versionId: string; title: string }[]; defaultEnd: string }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const router = useRouter();
  const submit = async (v: Values) => {
    setBusy(true);
    const copy = v.template !== "BLANK" && v.template !== "LEVEL_3_SPECIAL";
    const r = await createTopicalAction({
      title: v.title,
      start: v.range[0].format("YYYY-MM"),
      end: v.range[1].format("YYYY-MM"),
      template: copy ? "BLANK" : v.template,
      copyFromVersionId: copy ? v.template : undefined,
    });
    setBusy(false);
    if (!r.ok) {
      message.error(r.message);
      return;
    }
    setOpen(false);
    router.push(`/publications/${r.data.versionId}`);
  };
  const end = dayjs(`${defaultEnd}-01`);
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="create-topical">
        新建专题分析
      </Button>
      <Modal
        title="新建专题分析"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="创建草稿"
        cancelText="取消"
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ template: "LEVEL_3_SPECIAL", range: [end.subtract(2, "month"), end] }}
        >
          <Form.Item name="title" label="标题" rules={[{ required: true, min: 2, message: "请填写标题" }]}>
            <Input maxLength={80} placeholder="如：2025年第二季度三级医疗机构专场" />
          </Form.Item>
          <Form.Item name="range" label="数据期间" rules={[{ required: true, message: "请选择期间" }]}>
            <DatePicker.RangePicker picker="month" style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="template" label="版式">
            <Select
              options={[
                { value: "LEVEL_3_SPECIAL", label: "模板：三级医疗机构专场（实名比较）" },
                { value: "BLANK", label: "空白版式" },
                ...copyable.map((c) => ({ value: c.versionId, label: `复制：${c.title}` })),
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
