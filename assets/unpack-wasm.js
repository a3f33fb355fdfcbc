// unpack-wasm.js — owns fetching the page's wasm as the site ships it: LZMA-compressed
// (`*_bg.wasm.lzma`, made by scripts/tools/pack-wasm.mjs), about a sixth fewer bytes than the
// gzip a static host applies to the plain file. The small unpacker module beside it
// (wasm-unpacker.wasm, tools/wasm-unpacker) turns those bytes back into the wasm, which the
// wasm-bindgen glue then compiles as it would the plain file. Trunk's loader (index.html) and the
// analysis worker (analysis-worker.js) call `unpacked`; the build's check (pack-wasm.mjs) and the
// tests (tests/e2e/helpers.mjs) call `unpack`, under Node.

const UNPACKER = 'wasm-unpacker.wasm';

async function bytesOf(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`failed to fetch ${response.url || url}: ${response.status} ${response.statusText}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The bytes `packed` unpacked by the unpacker module whose bytes are `unpacker`, or null when they
 * are not a whole LZMA stream.
 */
export async function unpack(unpacker, packed) {
  const { instance } = await WebAssembly.instantiate(unpacker, {});
  const { memory, reserve, unpack: unpackAt, unpacked_len: unpackedLen } = instance.exports;
  const input = reserve(packed.length);
  new Uint8Array(memory.buffer, input, packed.length).set(packed);
  const output = unpackAt(input, packed.length);
  // A copy: the unpacker's memory goes with it.
  return output === 0 ? null : new Uint8Array(memory.buffer, output, unpackedLen()).slice();
}

/**
 * The wasm packed at `url` (a URL or a path relative to this module), unpacked, as a Response the
 * wasm-bindgen glue accepts (`init({ module_or_path })`). Rejects, naming the file, when either
 * file cannot be fetched or the packed bytes do not unpack.
 */
export async function unpacked(url) {
  const packedUrl = new URL(url, import.meta.url);
  const [unpacker, packed] = await Promise.all([bytesOf(new URL(UNPACKER, import.meta.url)), bytesOf(packedUrl)]);
  const wasm = await unpack(unpacker, packed);
  if (wasm === null) {
    throw new Error(`${packedUrl.pathname} is not a whole LZMA stream`);
  }
  return new Response(wasm, { headers: { 'Content-Type': 'application/wasm' } });
}
