import { Skeleton } from "antd";

/** Shown inside the shell while a page's data is read on the server (a slow month, a large region). */
export default function Loading() {
  return (
    <div role="status" aria-label="正在加载" style={{ padding: "8px 0" }}>
      <Skeleton active title={{ width: 240 }} paragraph={{ rows: 6 }} />
    </div>
  );
}
