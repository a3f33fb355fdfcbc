// scripts/tools/pack-wasm.mjs — owns shipping the page's wasm packed: a step of the Trunk post_build
// hook (scripts/tools/post-build.mjs), release builds only.
//
// A static host sends the wasm gzipped at best; LZMA packs its code about a sixth smaller (issue
// 14: the first highlight's bytes). So the release site serves `*_bg.wasm.lzma` instead of
// `*_bg.wasm`, and beside it `wasm-unpacker.wasm` (tools/wasm-unpacker, built here with cargo and
// shrunk with the site's wasm-opt) and `unpack-wasm.js` (assets/), which turn it back into the
// same bytes in the browser. Trunk's loader in index.html is pointed at them, and its preload of
// the plain wasm becomes preloads of the packed file and the unpacker. The packed file is checked
// here: the unpacker must give back the very bytes packed, or the build fails.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unpack } from '../../assets/unpack-wasm.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const UNPACKER = 'wasm-unpacker.wasm';
const WASM_OPT_FLAGS = ['-Os', '--strip-debug', '--strip-producers', '--enable-bulk-memory', '--enable-reference-types',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-nontrapping-float-to-int'];

function fail(message) {
  console.error(`pack-wasm: ${message}`);
  process.exit(1);
}

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail('TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)');
if (process.env.TRUNK_PROFILE !== 'release') {
  console.log('pack-wasm: a debug build keeps its plain wasm');
  process.exit(0);
}
const names = readdirSync(dir);
const wasmNames = names.filter((name) => name.endsWith('_bg.wasm'));
if (wasmNames.length !== 1) fail(`expected one *_bg.wasm in ${dir}, found ${wasmNames.length}`);
const wasmName = wasmNames[0];
const wasm = readFileSync(path.join(dir, wasmName));

// 1. The unpacker, built on its own (its crate has its own lock file and no wasm-bindgen).
const targetDir = path.join(ROOT, 'target', 'wasm-unpacker');
execFileSync('cargo', ['build', '--release', '--locked', '--quiet', '--target', 'wasm32-unknown-unknown',
  '--manifest-path', path.join(ROOT, 'tools', 'wasm-unpacker', 'Cargo.toml'), '--target-dir', targetDir],
{ stdio: 'inherit' });
const built = path.join(targetDir, 'wasm32-unknown-unknown', 'release', 'wasm_unpacker.wasm');
const unpackerPath = path.join(dir, UNPACKER);
const wasmOpt = path.join(ROOT, 'scripts', 'tools', 'node_modules', '.bin', 'wasm-opt');
if (!existsSync(wasmOpt)) fail(`no wasm-opt at ${wasmOpt} (scripts/setup.sh installs it)`);
execFileSync(wasmOpt, [...WASM_OPT_FLAGS, built, '-o', unpackerPath], { stdio: 'inherit' });

// 2. The packed wasm: the .lzma format, preset 9 extreme, a dictionary that holds the whole file
//    (Python's standard lzma module: liblzma, the reference encoder).
let dictionary = 1 << 20;
while (dictionary < wasm.length) dictionary *= 2;
const packedName = `${wasmName}.lzma`;
const packedPath = path.join(dir, packedName);
execFileSync('python3', ['-c', `import lzma, sys
data = open(sys.argv[1], 'rb').read()
filters = [{'id': lzma.FILTER_LZMA1, 'preset': 9 | lzma.PRESET_EXTREME, 'dict_size': int(sys.argv[3])}]
open(sys.argv[2], 'wb').write(lzma.compress(data, format=lzma.FORMAT_ALONE, filters=filters))`,
path.join(dir, wasmName), packedPath, String(dictionary)]);
const packed = readFileSync(packedPath);

// 3. The check: the unpacker, as the browser will run it, gives back the same bytes.
const unpacked = await unpack(readFileSync(unpackerPath), packed);
if (unpacked === null || !Buffer.from(unpacked).equals(wasm)) {
  fail(`${UNPACKER} does not give back ${wasmName} from ${packedName}`);
}
rmSync(path.join(dir, wasmName));

// 4. Trunk's loader and preloads.
const file = path.join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const before = html;
const escaped = wasmName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
html = html.replace(new RegExp(`module_or_path: '([^']*/)?${escaped}'`), (_, prefix = '') =>
  `module_or_path: import('${prefix}unpack-wasm.js').then((m) => m.unpacked('${prefix}${packedName}'))`);
html = html.replace(new RegExp(`<link rel="preload" href="([^"]*/)?${escaped}"[^>]*>`), (_, prefix = '') =>
  `<link rel="modulepreload" href="${prefix}unpack-wasm.js">` +
  `<link rel="preload" href="${prefix}${UNPACKER}" crossorigin="anonymous" as="fetch">` +
  `<link rel="preload" href="${prefix}${packedName}" crossorigin="anonymous" as="fetch">`);
if (html === before || html.includes(`${wasmName}'`) || html.includes(`${wasmName}"`)) {
  fail(`Trunk's loader or preload of ${wasmName} was not found in index.html`);
}
writeFileSync(file, html);
console.log(`pack-wasm: ${wasmName} ${wasm.length} B -> ${packedName} ${packed.length} B, ` +
  `${UNPACKER} ${readFileSync(unpackerPath).length} B`);
