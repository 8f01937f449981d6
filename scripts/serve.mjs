// The portal's HTTP server (started by scripts/start.mjs): Next's own request handler behind one step that
// decides which forwarded headers to believe (scripts/forwarded-headers.mjs). `next start` would pass a
// client's X-Forwarded-For and X-Forwarded-Host through untouched.
import http from "node:http";
import path from "node:path";
import next from "next";
import { trustForwardedHeaders, trustedProxyHops } from "./forwarded-headers.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = Number(process.env.PORT ?? 3000);
const hops = trustedProxyHops();

const app = next({ dev: false, dir: root, hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  trustForwardedHeaders(req.headers, req.socket.remoteAddress, hops);
  handle(req, res);
});
server.listen(port, () => console.log(`[亮底] 正在监听端口 ${port}`));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)).closeAllConnections());
