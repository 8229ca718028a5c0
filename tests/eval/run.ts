// `npm run eval`: imports every corpus report (tests/fixtures/reports) and the sample through the real import path
// (the service's importReport on a temporary database, exactly as the editor and `huibao import` do), then prints one
// table, one row per report. It reports; it asserts nothing. `npm run eval -- --details` also lists, per report, what
// each measure counted (missed and extra figures, fragments, vague labels …); `--json` prints the rows as JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeReport } from '../../decks/node/report/index.ts';
import { createService } from '../../decks/node/service.ts';
import { CORPUS } from '../fixtures/reports/corpus.ts';
import {
  captionsFound,
  closingCarried,
  emptySlides,
  falsePhotoSlides,
  fragmentBullets,
  frontMatterSlides,
  keyFigureSlides,
  paragraphsInNotesTwice,
  scoreFigures,
  scoreSections,
  scoreSubsections,
  vagueLabels,
} from './measures.ts';

const details = process.argv.includes('--details');
const asJson = process.argv.includes('--json');
const work = mkdtempSync(join(tmpdir(), 'huibao-eval-'));
const service = createService({ dbPath: join(work, 'eval.db') });

interface Row {
  report: string;
  slides: number;
  figures: ReturnType<typeof scoreFigures>;
  sections: ReturnType<typeof scoreSections>;
  subsections: ReturnType<typeof scoreSubsections>;
  falsePhotos: string[];
  keyFigures: ReturnType<typeof keyFigureSlides>;
  fragments: ReturnType<typeof fragmentBullets>;
  labels: ReturnType<typeof vagueLabels>;
  notesTwice: string[];
  captions: ReturnType<typeof captionsFound>;
  empty: string[];
  frontMatter: number;
  closing: ReturnType<typeof closingCarried>;
}

const rows: Row[] = [];
try {
  for (const r of CORPUS) {
    const bytes = r.bytes();
    const { deckId } = await service.importReport({ fileName: r.fileName, dataBase64: Buffer.from(bytes).toString('base64') });
    const deck = await service.getDeck({ deckId });
    const source = (await decodeReport(bytes, r.fileName)).text;
    rows.push({
      report: r.name,
      slides: deck.slides.length,
      figures: scoreFigures(deck, r.expected.figures),
      sections: scoreSections(deck, r.expected),
      subsections: scoreSubsections(deck, r.expected),
      falsePhotos: falsePhotoSlides(deck, r.expected),
      keyFigures: keyFigureSlides(deck, r.expected),
      fragments: fragmentBullets(deck),
      labels: vagueLabels(deck),
      notesTwice: paragraphsInNotesTwice(deck, source),
      captions: captionsFound(deck, r.expected),
      empty: emptySlides(deck),
      frontMatter: frontMatterSlides(deck, r.expected),
      closing: closingCarried(deck, r.expected),
    });
  }
} finally {
  service.close();
  rmSync(work, { recursive: true, force: true });
}

const pct = (x: number) => x.toFixed(3);
const ratio = (a: number, b: number) => `${a}/${b}`;

if (asJson) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const header = ['report', 'slides', 'fig recall', 'fig precision', 'sections right', 'subsections titled', 'false photos', 'key-fig slides/part (max, parts over)', 'fragment bullets', 'vague labels', 'shared labels', 'notes twice', 'captions found', 'empty slides', 'front matter slides', 'closing words'];
  const lines = rows.map((r) => [
    r.report,
    String(r.slides),
    `${pct(r.figures.recall)} (${ratio(r.figures.matched, r.figures.expected)})`,
    `${pct(r.figures.precision)} (${ratio(r.figures.matched, r.figures.found)})`,
    `${r.sections.right ? 'yes' : 'no'} (${ratio(r.sections.matched, r.sections.expected)}, got ${r.sections.got})`,
    ratio(r.subsections.titled, r.subsections.expected),
    String(r.falsePhotos.length),
    `${r.keyFigures.max}, ${r.keyFigures.over}`,
    `${r.fragments.fragments.length}/${r.fragments.bullets}`,
    String(r.labels.vague.length),
    String(r.labels.shared),
    String(r.notesTwice.length),
    ratio(r.captions.found, r.captions.expected),
    String(r.empty.length),
    String(r.frontMatter),
    r.closing.ok ? 'yes' : `no (${r.closing.why})`,
  ]);
  const sum = (f: (r: Row) => number) => rows.reduce((n, r) => n + f(r), 0);
  const matched = sum((r) => r.figures.matched);
  lines.push([
    'ALL',
    String(sum((r) => r.slides)),
    `${pct(matched / sum((r) => r.figures.expected))} (${ratio(matched, sum((r) => r.figures.expected))})`,
    `${pct(matched / Math.max(1, sum((r) => r.figures.found)))} (${ratio(matched, sum((r) => r.figures.found))})`,
    `${rows.filter((r) => r.sections.right).length}/${rows.length} reports`,
    ratio(sum((r) => r.subsections.titled), sum((r) => r.subsections.expected)),
    String(sum((r) => r.falsePhotos.length)),
    `${Math.max(...rows.map((r) => r.keyFigures.max))}, ${sum((r) => r.keyFigures.over)}`,
    `${sum((r) => r.fragments.fragments.length)}/${sum((r) => r.fragments.bullets)}`,
    String(sum((r) => r.labels.vague.length)),
    String(sum((r) => r.labels.shared)),
    String(sum((r) => r.notesTwice.length)),
    ratio(sum((r) => r.captions.found), sum((r) => r.captions.expected)),
    String(sum((r) => r.empty.length)),
    String(sum((r) => r.frontMatter)),
    `${rows.filter((r) => r.closing.ok).length}/${rows.length}`,
  ]);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => ' --- ').join('|')}|`);
  for (const l of lines) console.log(`| ${l.join(' | ')} |`);
  console.log('\nMeasures are defined in tests/eval/measures.ts. “a/b” is found/expected (or fragments/bullets).');
  if (details) {
    for (const r of rows) {
      console.log(`\n## ${r.report}`);
      const list = (name: string, items: readonly unknown[]) => items.length > 0 && console.log(`${name} (${items.length}):\n  ${items.map((i) => (Array.isArray(i) ? i.join(' ') : String(i))).join('\n  ')}`);
      list('missed figures', r.figures.missed);
      list('extra figures', r.figures.extra);
      if (!r.sections.right) console.log(`section titles: ${r.sections.titles.join(' | ')}`);
      list('subsections without a slide', r.subsections.missing);
      list('false photo slides', r.falsePhotos);
      list('fragment bullets', r.fragments.fragments);
      list('vague labels', r.labels.vague);
      list('paragraphs in the notes twice', r.notesTwice.map((p) => p.slice(0, 40)));
      list('captions not found', r.captions.missing);
      list('empty slides', r.empty);
    }
  }
}
