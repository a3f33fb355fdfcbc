// scripts/tools/add-offline.mjs — owns the service worker's file list and cache version: a Trunk
// post_build hook that rewrites the VERSION and FILES lines of the staged sw.js (assets/sw.js).
//
// FILES is every staged file but sw.js, _headers and those under lazy/ (fetched only when the page needs
// them; the worker keeps them then), as URLs relative to the worker (so the site works under any
// sub-path), plus './' for the page itself. VERSION hashes the staged files' names and contents;
// index.html is hashed from its sources (the template and the hooks that rewrite it: pack-wasm before
// this one, add-csp after it), so the version is the same for the same build and changes with any release.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('add-offline: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)');
  process.exit(1);
}
const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'))
  // `_headers` is for the host and never served (the CSP hook, which runs after this one, writes
  // it): listing it would make the worker's install fail on its 404.
  .filter((name) => name !== 'sw.js' && name !== '_headers')
  .sort();
const hash = createHash('sha256');
for (const name of files) {
  hash.update(name);
  hash.update(name === 'index.html' ? '' : readFileSync(path.join(dir, name)));
}
for (const source of [process.env.TRUNK_HTML_FILE, 'scripts/tools/pack-wasm.mjs', 'scripts/tools/add-csp.mjs']) {
  if (source) hash.update(readFileSync(source));
}
const version = hash.digest('hex').slice(0, 16);
const sw = path.join(dir, 'sw.js');
const urls = ['./', ...files.filter((name) => !name.startsWith('lazy/')).map((name) => name.split('/').map(encodeURIComponent).join('/'))];
let text = readFileSync(sw, 'utf8');
text = text.replace(/^const VERSION = .*;$/m, `const VERSION = '${version}';`);
text = text.replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(urls)};`);
writeFileSync(sw, text);
console.log(`add-offline: sw.js caches ${urls.length} URLs as version ${version}`);
