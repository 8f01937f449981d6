import Link from "next/link";

/**
 * Also what a user sees for a page they may not open: no hint whether it exists. Plain HTML: this boundary
 * is part of every page, the hospital's too, so it must not bring Ant Design along.
 */
export default function NotFound() {
  return (
    <div className="not-found">
      <div className="not-found-code" aria-hidden="true">
        404
      </div>
      <h3>页面不存在或无权访问</h3>
      <p>您访问的页面不存在，或您的账号无权查看。</p>
      <p>
        <Link className="shell-button primary" href="/">
          返回首页
        </Link>
      </p>
    </div>
  );
}
