// scripts/tools/nginx-headers.mjs — owns the nginx form of the site's security headers (README, "Serving with nginx").
//
// Usage: node scripts/tools/nginx-headers.mjs [DIST=dist] > article-explorer-headers.conf
// Prints one `add_header … always;` line per header of DIST/_headers, so nginx sends exactly
// what the build computed (the CSP carries this build's script hash: regenerate after each build).
import path from 'node:path';
import { readHeaders } from './headers.mjs';

const dist = process.argv[2] ?? 'dist';
const headers = readHeaders(path.join(dist, '_headers'));
if (headers.length === 0) {
  console.error(`nginx-headers: no headers in ${path.join(dist, '_headers')} (build the site first: scripts/build-site.sh)`);
  process.exit(1);
}
console.log(`# Generated from ${path.join(dist, '_headers')} by scripts/tools/nginx-headers.mjs; regenerate after each build.`);
for (const [name, value] of headers) console.log(`add_header ${name} "${value.replace(/"/g, '\\"')}" always;`);
