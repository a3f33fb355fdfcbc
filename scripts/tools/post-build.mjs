// scripts/tools/post-build.mjs — owns the order of the site's post-build steps: Trunk's one post_build
// hook (Trunk.toml). Trunk would run several hooks side by side, but each step here reads what the
// one before it wrote: the packed wasm's name (pack-wasm) is what the worker loads (add-worker),
// every file is then final for the service worker's list (add-offline), and the policy hashes the
// loader script as last rewritten (add-csp).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
for (const step of ['pack-wasm.mjs', 'add-worker.mjs', 'add-offline.mjs', 'add-csp.mjs']) {
  execFileSync(process.execPath, [path.join(here, step)], { stdio: 'inherit' });
}
