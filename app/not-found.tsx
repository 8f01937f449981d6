import { Button, Result } from "antd";
import Link from "next/link";

/** Also what a user sees for a page they may not open: no hint whether it exists. */
export default function NotFound() {
  return (
    <div style={{ paddingTop: 80 }}>
      <Result
        status="404"
        title="页面不存在或无权访问"
        subTitle="您访问的页面不存在，或您的账号无权查看。"
        extra={
          <Link href="/">
            <Button type="primary">返回首页</Button>
          </Link>
        }
      />
    </div>
  );
}
