// The portal's HTTP server (started by scripts/start.mjs): Next's own request handler behind one step that
// decides which forwarded headers to believe (scripts/forwarded-headers.mjs). `next start` would pass a
// client's X-Forwarded-For and X-Forwarded-Host through untouched.
import http from "node:http";
import path from "node:path";
import next from "next";
import { admissionLimit, createAdmission } from "./admission.mjs";
import { trustForwardedHeaders, trustedProxyHops } from "./forwarded-headers.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = Number(process.env.PORT ?? 3000);
const hops = trustedProxyHops();
const admit = createAdmission(admissionLimit());

const app = next({ dev: false, dir: root, hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

// UPLOAD_BODY_LIMIT and TOO_LARGE_MESSAGE of app/_server/http/body-limit.ts (test/e2e/upload-size.test.ts checks
// both answers). Refused here because Next buffers a body for proxy.ts before proxy.ts can look at its length.
const UPLOAD_BODY_LIMIT = 20 * 1024 * 1024 + 64 * 1024;
const TOO_LARGE = JSON.stringify({ error: "上传内容超过 20 MB 的上限，请拆分后分批上传。" });

// What the server reads and drops after refusing a body, so that a client still sending gets the answer: closing
// the socket on unread bytes resets the connection, and fetch and browsers then report a network error instead
// of the 413. Past this many bytes, or 30 s, the connection is closed.
const DRAIN_LIMIT = 64 * 1024 * 1024;

function refuseTooLarge(req, res) {
  res.writeHead(413, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(TOO_LARGE);
  let dropped = 0;
  const timer = setTimeout(() => req.socket.destroy(), 30_000).unref();
  req.socket.once("close", () => clearTimeout(timer));
  req.on("data", (chunk) => {
    dropped += chunk.length;
    if (dropped > DRAIN_LIMIT) req.socket.destroy();
  });
  req.on("end", () => req.socket.end());
}

const server = http.createServer((req, res) => {
  if (Number(req.headers["content-length"] ?? 0) > UPLOAD_BODY_LIMIT) return refuseTooLarge(req, res);
  trustForwardedHeaders(req.headers, req.socket.remoteAddress, hops);
  admit(req, res, () => handle(req, res));
});
server.listen(port, () => console.log(`[亮底] 正在监听端口 ${port}`));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)).closeAllConnections());
