// The production server: Next's request handler behind a plain Node HTTP server, so that
// the client's address comes from the socket. Next itself would take X-Forwarded-For from
// the client as given, which would let anyone dodge the proposal rate limit by forging it.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { tsImport } from 'tsx/esm/api';

const { getEnv } = await tsImport('./lib/env.ts', import.meta.url);
const { applyResponsePolicy, isCrossOriginFormPost } = await tsImport('./lib/server/response-policy.ts', import.meta.url);
const { readDataVersion } = await import('./lib/cache/data-version-cache-handler.mjs');
const env = getEnv();
const port = env.PORT;
const hostname = process.argv.includes('--hostname') ? process.argv[process.argv.indexOf('--hostname') + 1] : '0.0.0.0';

// Next builds the URL a proxy.ts rewrite names on "localhost"; told any other hostname, it
// takes the rewrite for one to another server and proxies it to itself over HTTP (a second
// trip through this server for every list view). The socket still listens on `hostname`.
const app = next({ dev: false, dir: import.meta.dirname, hostname: 'localhost', port });
await app.prepare();
const handle = app.getRequestHandler();
const policy = {
  siteUrl: env.SITE_URL,
  buildId: fs.readFileSync(path.join(import.meta.dirname, '.next', 'BUILD_ID'), 'utf8').trim(),
  readDataVersion,
};

/**
 * True when every %-escape in the path decodes (Next answers a malformed one with a bare 500)
 * to no control character (no id or page name holds one, and PostgreSQL refuses NUL).
 */
function hasDecodablePath(url) {
  try {
    return !/[\u0000-\u001f\u007f]/.test(decodeURIComponent((url ?? '/').split('?')[0]));
  } catch {
    return false;
  }
}

const server = http.createServer((req, res) => {
  if (!env.TRUST_PROXY) {
    // Only a trusted proxy may say who the client is, or which host and scheme it asked for.
    req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
    delete req.headers['x-forwarded-host'];
    delete req.headers['x-forwarded-proto'];
    delete req.headers['x-forwarded-port'];
    delete req.headers['x-real-ip'];
    delete req.headers.forwarded;
  }
  serve(req, res).catch((error) => {
    console.error('request failed', error);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('Internal error');
  });
});

async function serve(req, res) {
  // Security headers and cache lifetimes for every response, refusals included (lib/server/response-policy.ts).
  await applyResponsePolicy(req, res, policy);
  if (!hasDecodablePath(req.url)) {
    const api = (req.url ?? '').startsWith('/api/');
    res.writeHead(400, { 'content-type': api ? 'application/json' : 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(api ? JSON.stringify({ error: { code: 'invalid', message: 'The URL has a malformed %-escape or a control character.' } }) : 'Bad request: the URL has a malformed %-escape or a control character.\n');
    return;
  }
  if (isCrossOriginFormPost(req)) {
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('Forbidden: this form was posted from another site.\n');
    return;
  }
  await handle(req, res);
}
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(`Claim Ledger ready on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`);
  // Load (or build) the search index now rather than at the first reader's search.
  // Requests are served meanwhile: a search during loading gets a degraded answer, not a wait.
  const local = hostname === '0.0.0.0' ? '127.0.0.1' : hostname;
  fetch(`http://${local.includes(':') ? `[${local}]` : local}:${port}/api/search?q=warm-up&limit=1`)
    .then((res) => res.arrayBuffer())
    .catch((error) => console.error('search warm-up failed', error));
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
