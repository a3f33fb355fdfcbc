// scripts/tools/add-csp.mjs — owns the page's Content-Security-Policy and its security headers: a Trunk post_build hook.
//
// Trunk writes its wasm loader as an inline module script whose text changes with every build
// (it names the hashed files), so the policy allows exactly that script by its SHA-256 hash and
// nothing else inline. The meta tag goes first in <head>, before the script it governs.
//
// The same policy, computed once here, is also written as an HTTP header into `_headers` (the
// format Netlify and Cloudflare Pages read) with what only a header can carry: `frame-ancestors
// 'none'` (a <meta> policy cannot forbid framing), a referrer policy and `nosniff`. The e2e server
// sends `_headers` as it is; `scripts/tools/nginx-headers.mjs` turns it into nginx `add_header` lines.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('add-csp: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)');
  process.exit(1);
}
const file = path.join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .filter((m) => m[1].trim() !== '')
  .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
const directives = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  // The page's own fetches: the share links' dictionaries (lazy/), fetched only when a link is
  // opened or made, from the site itself.
  "connect-src 'self'",
  // The service worker (sw.js) and the web app manifest, both from the site itself.
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];
const policy = directives.join('; ');
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
html = html.replace(/<head>/, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
writeFileSync(file, html);

// Every path of the site gets the same headers. Browsers ignore frame-ancestors in a <meta>
// policy (and warn), so it is added to the header only.
const headers = [
  ['Content-Security-Policy', [...directives, "frame-ancestors 'none'"].join('; ')],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
];
const headersFile = [
  '# Security headers for hosts that read a _headers file (Netlify, Cloudflare Pages).',
  '# Generated at build time by scripts/tools/add-csp.mjs: the script hash changes with every build.',
  '/*',
  ...headers.map(([name, value]) => `  ${name}: ${value}`),
  '',
].join('\n');
writeFileSync(path.join(dir, '_headers'), headersFile);
console.log(`add-csp: ${hashes.length} inline script(s) allowed by hash; _headers written`);
