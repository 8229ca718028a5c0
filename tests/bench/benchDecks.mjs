// What the browser benchmarks share: `huibao serve` (the built one) on a free port, decks of a given size made
// through its API, and the same slides as plain reveal.js sections for the bare reveal.js pages they compare with.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const SAMPLE = join(root, 'decks/samples/shangyu-youth-city.txt');

/** Resolves once the host printed its URL: `{ child, url, origin, call(method, args) }`. Kill `child` when done. */
export async function startHuibao(dbPath) {
  const child = spawn(process.execPath, [join(root, 'bin/huibao.mjs'), 'serve', '--port', '0', '--no-open', '--db', dbPath], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (c) => {
      text += c;
      const m = /^Huibao: (\S+)$/m.exec(text);
      if (m) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error(`huibao serve exited: ${text}`)));
  });
  const { origin, hash } = new URL(url);
  const token = hash.replace('#token=', '');
  const call = async (method, args) => {
    const res = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(args) });
    const env = await res.json();
    if (!env.ok) throw new Error(`${method}: ${JSON.stringify(env.error)}`);
    return env.result;
  };
  return { child, url, origin, call };
}

/**
 * The sample deck, its slides duplicated until the deck has `n` slides. The chart slides the import proposes (hidden)
 * are removed first: the benches measure a deck without charts, the same deck as before charts existed.
 */
export async function makeDeck(call, n, title) {
  const { deckId } = await call('importReport', { fileName: 'sample.txt', dataBase64: readFileSync(SAMPLE).toString('base64'), title });
  let deck = await call('getDeck', { deckId });
  const charts = deck.slides.filter((s) => s.blocks.some((b) => b.kind === 'chart')).map((s) => s.id);
  if (charts.length > 0) {
    await call('saveEdits', { deckId, removed: charts });
    deck = await call('getDeck', { deckId });
  }
  while (deck.slides.length < n) {
    // Copies of the first slides, added at the end in one save (as the editor's duplicate does).
    const copies = deck.slides.slice(0, n - deck.slides.length).map(({ section: _, ...s }, i) => ({ ...s, id: `copy${deck.slides.length + i}` }));
    await call('saveEdits', { deckId, slides: copies });
    deck = await call('getDeck', { deckId });
  }
  return deck;
}

const escapeHtml = (t) => t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The visible slides' texts as plain `<section>`s (headings and lists), figures at their current values. */
export function bareSections(deck) {
  const figures = new Map(deck.figures.map((f) => [f.key, f]));
  const text = (t) => escapeHtml(t.replace(/\{fig:([A-Za-z0-9_.-]+)\}/g, (_, k) => figures.get(k)?.display ?? '[?]'));
  return deck.slides
    .filter((s) => !s.hidden)
    .map((s) => {
      const body = s.blocks
        .map((b) => {
          if (b.kind === 'bullet' || b.kind === 'text') return `<li>${text(b.text)}</li>`;
          if (b.kind === 'figure') return `<li><strong>${text(figures.get(b.key)?.display ?? '')}</strong> ${text(b.caption || figures.get(b.key)?.label || '')}</li>`;
          return `<li>${text(b.caption)} ${text(b.credit)}</li>`;
        })
        .join('');
      return `<section><h2>${text(s.title)}</h2><ul>${body}</ul></section>`;
    })
    .join('\n');
}
