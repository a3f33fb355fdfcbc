# scripts/env.sh — owns the PATH that the scripts give Trunk and the tests (sourced, not run).
#
# cargo-installed tools (trunk, wasm-bindgen, wasm-bindgen-test-runner) and binaryen's wasm-opt
# from npm (scripts/tools) come first, so Trunk finds the pinned versions and never downloads.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/scripts/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
