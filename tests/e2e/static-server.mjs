// tests/e2e/static-server.mjs — owns the tiny static server that hosts dist/ under a sub-path for the e2e tests.
//
// As a program: node static-server.mjs DIST_DIR [PREFIX=/article-explorer/] [PORT=0]
// listens on 127.0.0.1 (port 0 = a free one) and prints one line: "listening http://127.0.0.1:PORT/PREFIX".
// As a module: startServer({ dir, prefix, port, headers = true }) resolves to { server, url }.
//
// Every response carries the headers of DIST_DIR/_headers (the build writes them: CSP with
// frame-ancestors, referrer policy, nosniff), as a host that reads `_headers` would send them;
// `_headers` itself is not served. `headers: false` leaves them out (a host that ignores the file).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readHeaders } from '../../scripts/tools/headers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function startServer({ dir, prefix = '/article-explorer/', port = 0, headers = true }) {
  const root = path.resolve(dir);
  if (!prefix.startsWith('/')) prefix = `/${prefix}`;
  if (!prefix.endsWith('/')) prefix = `${prefix}/`;
  const siteHeaders = headers ? readHeaders(path.join(root, '_headers')) : [];

  const server = createServer(async (req, res) => {
    for (const [name, value] of siteHeaders) res.setHeader(name, value);
    const { pathname } = new URL(req.url, 'http://localhost');
    if (pathname === prefix.slice(0, -1)) {
      res.writeHead(301, { location: prefix }).end();
      return;
    }
    if (!pathname.startsWith(prefix) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let rel = decodeURIComponent(pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    if (rel === '_headers') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const file = path.resolve(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}${prefix}`;
      resolve({ server, url });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, prefix = '/article-explorer/', port = '0'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node static-server.mjs DIST_DIR [PREFIX] [PORT]');
    process.exit(2);
  }
  const { url } = await startServer({ dir, prefix, port: Number(port) });
  console.log(`listening ${url}`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
}
