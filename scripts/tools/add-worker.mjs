// scripts/tools/add-worker.mjs — owns the analysis worker's file names: a Trunk post_build hook that
// points the staged analysis-worker.js (assets/analysis-worker.js) at this build's hashed
// wasm-bindgen glue and wasm, the very files the page loads, so the worker downloads nothing new
// (a release build's wasm is packed, `*_bg.wasm.lzma`: scripts/tools/pack-wasm.mjs runs first).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('add-worker: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)');
  process.exit(1);
}
const names = readdirSync(dir);
const wasm = names.filter((name) => /_bg\.wasm(\.lzma)?$/.test(name));
if (wasm.length !== 1) {
  console.error(`add-worker: expected one *_bg.wasm or *_bg.wasm.lzma in ${dir}, found ${wasm.length}`);
  process.exit(1);
}
const glue = wasm[0].replace(/_bg\.wasm(\.lzma)?$/, '.js');
if (!names.includes(glue)) {
  console.error(`add-worker: no glue ${glue} beside ${wasm[0]}`);
  process.exit(1);
}
const file = path.join(dir, 'analysis-worker.js');
let text = readFileSync(file, 'utf8');
const before = text;
text = text.replace(/^(import .* from )'[^']*'; \/\/ GLUE$/m, `$1'./${glue}'; // GLUE`);
text = text.replace(/^const WASM = .*;$/m, `const WASM = '${wasm[0]}';`);
if (text === before || !text.includes(`'./${glue}'`)) {
  console.error('add-worker: the GLUE and WASM lines of analysis-worker.js were not found');
  process.exit(1);
}
writeFileSync(file, text);
console.log(`add-worker: analysis-worker.js loads ${glue} and ${wasm[0]}`);
