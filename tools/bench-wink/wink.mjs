// tools/bench-wink/wink.mjs — owns wink-nlp's side of the side-by-side benchmark (scripts/bench-wink.sh):
// reads a JSONL corpus ({"id", "text"} per line), runs wink-nlp on every text (readDoc, sentences,
// entities) and prints its words/s, best of N runs after one warm-up, as JSON on the last line.
//
// Usage: node tools/bench-wink/wink.mjs CORPUS.jsonl [RUNS]
import { readFileSync } from 'node:fs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const [corpusPath, runsArg] = process.argv.slice(2);
if (!corpusPath) {
  console.error('usage: node tools/bench-wink/wink.mjs CORPUS.jsonl [RUNS]');
  process.exit(2);
}
const runs = Number(runsArg ?? 3);
const texts = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line).text);
// Words as the bench counts them: runs of characters between whitespace.
const words = texts.reduce((n, t) => n + t.split(/\s+/).filter((w) => w !== '').length, 0);

const nlp = winkNLP(model);
let sink = 0;
function once() {
  const start = process.hrtime.bigint();
  for (const text of texts) {
    const doc = nlp.readDoc(text);
    sink += doc.sentences().out().length + doc.entities().out().length;
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}
once(); // warm-up: model loading, JIT
let best = Infinity;
for (let i = 0; i < runs; i += 1) best = Math.min(best, once());
console.log(JSON.stringify({ system: 'wink-nlp 2.4.0', docs: texts.length, words, seconds: best, words_per_s: words / best, sink }));
