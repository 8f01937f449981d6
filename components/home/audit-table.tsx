"use client";

import { Card, Table, Tag } from "antd";
import dayjs from "dayjs";

export interface AuditEventDto {
  id: string;
  at: string;
  actorName: string | null;
  actorRoles: string | null;
  ip: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: "SUCCESS" | "FAILURE" | "DENIED";
  requestId: string | null;
}

const RESULT = { SUCCESS: <Tag color="green">成功</Tag>, FAILURE: <Tag color="orange">失败</Tag>, DENIED: <Tag color="red">拒绝</Tag> };

export function AuditTable({ events }: { events: AuditEventDto[] }) {
  return (
    <Card>
      <Table<AuditEventDto>
        rowKey="id"
        size="small"
        dataSource={events}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: "序号", dataIndex: "id", width: 70 },
          { title: "时间", dataIndex: "at", width: 160, render: (v) => dayjs(v).format("YYYY-MM-DD HH:mm:ss") },
          { title: "操作人", dataIndex: "actorName", width: 120, render: (v) => v ?? "—" },
          { title: "操作", dataIndex: "action", width: 200 },
          { title: "对象", render: (_, r) => (r.objectType ? `${r.objectType} ${r.objectId ?? ""}` : "—") },
          { title: "结果", dataIndex: "result", width: 70, render: (v: AuditEventDto["result"]) => RESULT[v] },
          { title: "来源 IP", dataIndex: "ip", width: 120, render: (v) => v ?? "—" },
        ]}
      />
    </Card>
  );
}
