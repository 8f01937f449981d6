"use client";

import { createCache, extractStyle, StyleProvider } from "@ant-design/cssinjs";
import { useServerInsertedHTML } from "next/navigation";
import { useState } from "react";
import { installStyleNonceShim } from "./style-nonce-shim";

installStyleNonceShim();

/**
 * @ant-design/nextjs-registry with the request's CSP nonce on the server-rendered <style> block (the
 * package's own registry writes it without one, which a nonce-based style-src blocks).
 */
export function AntdRegistry({ nonce, children }: { nonce?: string; children: React.ReactNode }) {
  const [cache] = useState(() => createCache());
  useServerInsertedHTML(() => {
    const styleText = extractStyle(cache, { plain: true, once: true });
    if (styleText.includes('.data-ant-cssinjs-cache-path{content:"";}')) return null;
    return <style id="antd-cssinjs" nonce={nonce} data-rc-order="prepend" data-rc-priority="-1000" dangerouslySetInnerHTML={{ __html: styleText }} />;
  });
  return <StyleProvider cache={cache}>{children}</StyleProvider>;
}
