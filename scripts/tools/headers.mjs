// scripts/tools/headers.mjs — owns reading the site's generated `_headers` file (one source for every server).
//
// `_headers` (written by add-csp.mjs) holds one block: a path pattern line ("/*") followed by
// indented "Name: value" lines; "#" lines are comments. The e2e static server and
// nginx-headers.mjs both read it through here.
import { readFileSync } from 'node:fs';

/** The headers of the `/*` block of a `_headers` file, as [name, value] pairs in file order. */
export function parseHeaders(source) {
  const headers = [];
  let inAllPaths = false;
  for (const line of source.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inAllPaths = line.trim() === '/*';
      continue;
    }
    const colon = line.indexOf(':');
    if (inAllPaths && colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return headers;
}

/** The headers of `file`, or [] when it does not exist. */
export function readHeaders(file) {
  try {
    return parseHeaders(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}
