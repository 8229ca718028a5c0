import { readFileSync } from 'node:fs';
import { CORPUS } from './fixtures/reports/corpus.ts';
import { decodeReport, parseReport } from '../decks/node/report/index.ts';
import { generateDeck } from '../decks/node/generate/index.ts';
import { checkConsistency } from '../decks/common/consistency.ts';
import { formatFigure } from '../decks/common/figures.ts';
async function run(name: string, bytes: Uint8Array, fileName: string) {
  const g = generateDeck(parseReport(await decodeReport(bytes, fileName)));
  const deck = { slides: g.slides.map((s) => ({ ...s, section: null })), figures: g.figures.map((f) => ({ ...f, display: formatFigure(f), updatedAt: '' })) };
  const t = performance.now();
  const found = checkConsistency(deck as never);
  console.log('##', name, found.length, (performance.now() - t).toFixed(1), 'ms');
  for (const f of found) console.log('  ', f.kind, f.message.zh, JSON.stringify(f.places).slice(0, 200));
}
for (const r of CORPUS) await run(r.name, r.bytes(), r.fileName);
if (process.argv[2]) await run('planted', new Uint8Array(readFileSync(process.argv[2])), 'x.txt');
