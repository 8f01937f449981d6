"use client";

import { ArrowLeftOutlined } from "@ant-design/icons";
import Link from "next/link";

/** The way back to the month list (icons are client components: server pages cannot render them). */
export function BackToSheets() {
  return (
    <Link href="/sheets" style={{ whiteSpace: "nowrap" }}>
      <ArrowLeftOutlined /> 返回月度底稿
    </Link>
  );
}
