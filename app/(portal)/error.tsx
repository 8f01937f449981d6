"use client";

import { PageError } from "@/components/shell/page-error";

/** A page of the portal that failed to render: the shell stays, the page says so in Chinese. */
export default PageError;
