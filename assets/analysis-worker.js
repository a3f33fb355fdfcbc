// analysis-worker.js — owns the page's analysis worker: a module worker that runs the page's own
// wasm and answers each text with its analysis as bytes.
//
// scripts/tools/add-worker.mjs (a Trunk post_build step) writes the GLUE and WASM names below for
// each build (the hashed wasm-bindgen glue and wasm beside this file; a release build's wasm is
// packed, `*_bg.wasm.lzma`, and unpacked by unpack-wasm.js). The page (src/ui/analyser.rs)
// starts it from the URL in its <meta name="analysis-worker">, posts {module} first (its own
// compiled WebAssembly.Module, so nothing is downloaded or compiled again; the WASM file is loaded
// only if that message never came), then {id, text}, and gets back {id, bytes} (the Analysis,
// src/wire.rs), {id, crash} when the analysis panicked (the page then shows its crash banner), or
// {id, unavailable} when the wasm could not load here (the page then analyses on its own thread).
import init, { analyse_in_worker } from './web.js'; // GLUE
const WASM = 'web_bg.wasm';

/** Resolves to true once the wasm is ready (its `main` sees no window here, so it mounts nothing). */
let ready = null;
function load(moduleOrPath) {
  return init({ module_or_path: moduleOrPath }).then(
    () => true,
    (error) => {
      console.error('analysis worker: the wasm did not load', error);
      return false;
    },
  );
}

/** The wasm to load when the page sent no module: the file itself, or the packed file unpacked. */
function wasmSource() {
  const url = new URL(WASM, import.meta.url);
  return WASM.endsWith('.lzma') ? import('./unpack-wasm.js').then((m) => m.unpacked(url)) : url;
}

// Set at once (not after the wasm loads), so no message can arrive before there is a listener.
self.onmessage = async (event) => {
  if (event.data.module) {
    ready ??= load(event.data.module);
    return;
  }
  const { id, text } = event.data;
  ready ??= load(wasmSource());
  if (!(await ready)) {
    self.postMessage({ id, unavailable: true });
    return;
  }
  let bytes;
  try {
    bytes = analyse_in_worker(text);
  } catch (error) {
    self.postMessage({ id, crash: String(error?.message ?? error) });
    return;
  }
  self.postMessage({ id, bytes }, [bytes.buffer]);
};
