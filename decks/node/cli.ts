// The `huibao` command (stable: scripts rely on it). Bundled by build.mjs to dist/cli.mjs (and dist/cli-chunks/) and started by
// bin/huibao.mjs. Every call goes through the same dispatch() as the hosts, so arguments and results are checked
// the same way. With --json, the last line of stdout is exactly one JSON object; errors are one line on stderr.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ApiError, createClient, dispatch, EXPORT_FORMATS, parseResult, type DeckApi, type ExportFormat, type RefreshItem, type RefreshReview } from '../common/api.ts';
import type { Deck } from '../common/model.ts';
import type { PdfPrinter } from './export/pdf.ts';
import { writeFileWhole } from './fileWrite.ts';
import { findAppRoot, rendererDir, resolveDbPath, sampleReportPath, userDataDir } from './paths.ts';
import { createService, ensureSampleDeck, type DeckService } from './service.ts';
// What only one command needs is imported by that command (build.mjs splits it into chunks): reading a report,
// a bundle file, the HTTP host. `decks` and `show` then load no report reader, exporter or browser driver.


/** A mistake in how the command was called: exit code 2 and a pointer to the help. */
class UsageError extends Error {
  constructor(
    readonly en: string,
    readonly zh: string,
  ) {
    super(en);
  }
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  db: { type: 'string' },
  title: { type: 'string' },
  port: { type: 'string' },
  'no-open': { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  notes: { type: 'boolean' },
  apply: { type: 'boolean' },
  by: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];
type OptionName = keyof typeof OPTIONS;
type Options = { [K in OptionName]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean };

const COMMON: OptionName[] = ['help', 'json', 'debug', 'db'];

interface CommandSpec {
  usage: string;
  summary: string;
  details: string[];
  options: OptionName[];
}

const COMMANDS: Record<string, CommandSpec> = {
  import: {
    usage: 'huibao import FILE [--title T] [--json]',
    summary: 'Import a report (.txt, .md, .docx) as a new deck · 导入报告，生成新的演示文稿',
    details: [
      'Reads FILE (UTF-8, UTF-16 or GB18030 text, Markdown or Word .docx), builds slides and figures from it',
      'and stores the deck. --title T replaces the title found in the report.',
      '--json prints {"deckId","slides","figures","warnings":[...],"consistency":[...]} (consistency: numbers that disagree).',
    ],
    options: [...COMMON, 'title'],
  },
  decks: {
    usage: 'huibao decks [--json]',
    summary: 'List the decks in the database · 列出数据库中的演示文稿',
    details: ['--json prints {"decks":[{"id","title","slides","updated"}]}.'],
    options: COMMON,
  },
  show: {
    usage: 'huibao show DECK_ID [--json]',
    summary: 'Show one deck: sections, slides, figures · 显示一个演示文稿的全部内容',
    details: [
      '--json prints the whole deck: {"id","title","sections","slides","figures","assets","warnings"};',
      'each figure as {"key","label","value","unit","display","source"}.',
    ],
    options: COMMON,
  },
  figure: {
    usage: 'huibao figure set DECK_ID KEY VALUE [--json]',
    summary: 'Change the value of a figure everywhere it is shown · 修改数字（所有引用处同步更新）',
    details: [
      'VALUE is the number as you would type it (5.8, 1,286.4); the unit and wording stay as they are.',
      'Every slide and note that shows the figure shows the new value. `huibao show DECK_ID` lists the keys.',
      '--json prints {"deckId","key","label","value","unit","display"}.',
    ],
    options: COMMON,
  },
  export: {
    usage: 'huibao export DECK_ID --format pdf|pptx|html|huibao --out FILE [--notes]',
    summary: 'Save a deck as PDF, PowerPoint, one HTML file or a .huibao bundle · 导出为 PDF、PPTX、网页或 .huibao 文件',
    details: [
      '--format pdf    one 16:9 page per visible slide, as presented; text stays text (selectable, searchable).',
      '                Printed by Chromium, Chrome or Edge: set HUIBAO_CHROMIUM to its path if it is not found.',
      '--format pptx   an editable PowerPoint file (also opens in WPS and LibreOffice): hidden slides kept and marked',
      '                hidden, titles in title placeholders, slide numbers, pictures, speaker notes, current figures.',
      '--format html   the presentation as one file that opens in any browser, offline, for sending: no speaker notes.',
      '--format huibao a bundle to carry the deck to another Huibao (huibao open-bundle FILE).',
      '--notes         with pdf: a handout, each slide across the page with its speaker notes under it (A4 portrait);',
      '                with html: the file carries the notes, shown behind S. (A PPTX always has them in its notes pane.)',
      'Picture frames still waiting for a photo are left out of every file.',
      'The file is written completely or not at all.',
      '--json prints {"deckId","format","out","bytes"}.',
    ],
    options: [...COMMON, 'format', 'out', 'notes'],
  },
  check: {
    usage: 'huibao check DECK_ID [--json]',
    summary: 'The pre-flight check: what to look at before presenting · 放映前检查',
    details: [
      'Lists broken figure references, numbers that disagree (数据一致性), missing photos, figures never confirmed,',
      'figures changed since the last named version, import notes, hidden slides and slides without notes,',
      'most serious first. Overflowing text is measured by the editor only (it lays the slides out).',
      'Exits 1 when a finding blocks (and is not dismissed), 0 otherwise.',
      '--json prints {"deckId","blocking","findings":[{"id","kind","severity","message","slideId","figureKey","places","fixes","dismissed"}]}.',
    ],
    options: COMMON,
  },
  'open-bundle': {
    usage: 'huibao open-bundle FILE [--json]',
    summary: 'Open a .huibao bundle as a new deck · 打开 .huibao 文件（作为新的演示文稿）',
    details: [
      'Checks the whole file first (format version, checksums, sizes, paths, contents); a file that fails any check',
      'is refused with the reason and nothing is stored. An existing deck is never overwritten.',
      'A bundle of a signed-off deck (定稿) says whether its content still matches the sign-off.',
      '--json prints {"deckId","slides","figures","approval"}.',
    ],
    options: COMMON,
  },
  refresh: {
    usage: 'huibao refresh DECK_ID FILE [--apply] [--json]',
    summary: 'Compare a revised report with the one a deck was made from · 用新版报告更新',
    details: [
      'Lists what FILE (the report, revised) changes: figures whose value changed (old → new; a figure changed by hand',
      'since the import is a conflict, shown with all three values), new and gone figures, paragraphs changed, added or',
      'removed (they go into the notes), new and removed sections, picture captions. Figures are matched by what they',
      'measure, not by their place. Nothing is written unless --apply is given.',
      '--apply   takes every change that can be applied (conflicts too: the revised value wins), after keeping the deck',
      '          as a named version. Slide text, order, hidden slides, pictures and the theme are never touched.',
      '--json prints {"review":{"fileName","items":[...]}} and, with --apply, also "applied" and "keptAs".',
    ],
    options: [...COMMON, 'apply'],
  },
  approve: {
    usage: 'huibao approve DECK_ID --by NAME [--json]',
    summary: 'Sign a deck off (定稿) as it is now · 定稿',
    details: [
      'Records NAME, the time and the SHA-256 of the deck\'s content (slides, figures, pictures); any later edit shows',
      '“已修改，需重新定稿”. Exports of the unchanged deck carry the record. An honest record, not a cryptographic',
      'signature: it shows whether the content changed since, not who signed off.',
      '--json prints {"deckId","approver","approvedAt","sha256","current"}.',
    ],
    options: [...COMMON, 'by'],
  },
  serve: {
    usage: 'huibao serve [--port N] [--no-open] [--json]',
    summary: 'Open Huibao in your browser, served from this computer only · 在浏览器中打开汇报（仅本机）',
    details: [
      'Starts the loopback host on 127.0.0.1 (a free port unless --port N) and prints',
      '  Huibao: http://127.0.0.1:PORT/#token=TOKEN',
      'The token changes at every start; only this address opens the app. --no-open does not start a browser.',
      'The first start imports the sample report. Stop with Ctrl+C.',
      '--json also prints {"url","port","token"} as the last line.',
    ],
    options: [...COMMON, 'port', 'no-open'],
  },
  help: {
    usage: 'huibao help [COMMAND]',
    summary: 'Explain a command · 查看命令说明',
    details: [],
    options: COMMON,
  },
};

function generalHelp(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return [
    'huibao — turn a written report into a briefing deck, edit it and present it offline · 汇报',
    '',
    'Usage:',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '  huibao --help',
    '',
    'Options for every command:',
    '  --db PATH   the database file (else $HUIBAO_DB, else huibao.db in the user data folder:',
    `              ${join(userDataDir(), 'huibao.db')})`,
    '  --json      print exactly one JSON object on the last line of standard output',
    '  --debug     show the stack trace of an error',
    '  -h, --help  this text; `huibao help COMMAND` or `huibao COMMAND --help` explains one command',
    '',
    'Errors go to standard error as one line; the exit code is 1 (2 for a wrong command line).',
  ].join('\n');
}

function commandHelp(name: string): string {
  const c = COMMANDS[name];
  if (!c) throw new UsageError(`unknown command "${name}"`, `未知的命令 "${name}"`);
  return [`Usage: ${c.usage}`, '', c.summary, ...(c.details.length ? ['', ...c.details] : [])].join('\n');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${text}"`, `--port 必须是 0 到 65535 之间的数字，而不是 "${text}"`);
  return Number(text);
}

function parseCommandLine(argv: string[]): { positionals: string[]; options: Options } {
  // A negative number (a figure's VALUE) is a positional, not an option.
  const negatives = new Map<string, string>();
  const args = argv.map((a, i) => {
    if (!/^-\d/.test(a)) return a;
    const placeholder = `\u0000${i}`;
    negatives.set(placeholder, a);
    return placeholder;
  });
  try {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    return { positionals: positionals.map((p) => negatives.get(p) ?? p), options: values as Options };
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    throw new UsageError(oneLine(text), '命令行参数有误');
  }
}

function expectPositionals(command: string, got: string[], names: string[]): void {
  if (got.length === names.length) return;
  const what = got.length < names.length ? `missing ${names.slice(got.length).join(' ')}` : `unexpected "${got[names.length]}"`;
  const zh = got.length < names.length ? `缺少 ${names.slice(got.length).join(' ')}` : `多余的参数 "${got[names.length]}"`;
  throw new UsageError(`${command}: ${what}`, `${command}：${zh}`);
}

interface Output {
  json: boolean;
  out(text: string): void;
  err(text: string): void;
}

function printResult(o: Output, value: object, text: string): void {
  if (o.json) o.out(JSON.stringify(value));
  else o.out(text);
}

function openService(options: Options, printer?: { print: PdfPrinter; prepare?: () => void }): DeckService {
  return createService({ dbPath: resolveDbPath(options.db), ...(printer ? { pdfPrinter: printer.print, ...(printer.prepare ? { pdfPrepare: printer.prepare } : {}) } : {}) });
}

/** The DeckApi through dispatch(): arguments and results are checked exactly as over either host. */
function checkedApi(service: DeckService): DeckApi {
  return createClient((name, args) => dispatch(service, name, args));
}

function showJson(deck: Deck): object {
  return {
    id: deck.id,
    title: deck.title,
    sections: deck.sections.map((s) => ({ id: s.id, title: s.title })),
    slides: deck.slides.map((s) => ({ id: s.id, layout: s.layout, title: s.title, blocks: s.blocks, notes: s.notes, section: s.section, hidden: s.hidden })),
    figures: deck.figures.map((f) => ({ key: f.key, label: f.label, value: f.value, unit: f.unit, display: f.display, source: f.source })),
    assets: deck.assets,
    warnings: deck.warnings,
  };
}

function showText(deck: Deck): string {
  const lines = [`${deck.title}${deck.subtitle ? ` — ${deck.subtitle}` : ''}`, `id ${deck.id} · ${deck.slides.length} slides · ${deck.figures.length} figures · theme ${deck.theme}`, ''];
  deck.slides.forEach((s, i) => lines.push(`${String(i + 1).padStart(3)}. [${s.layout}]${s.hidden ? ' (hidden)' : ''} ${s.title}`));
  if (deck.figures.length) {
    lines.push('', 'Figures · 数字:');
    for (const f of deck.figures) lines.push(`  ${f.key} = ${f.display}${f.label ? `  (${f.label})` : ''}`);
  }
  const open = deck.warnings.filter((w) => !w.dismissed);
  if (open.length) {
    lines.push('', 'Import notes · 导入提示:');
    for (const w of open) lines.push(`  - ${w.message.en} · ${w.message.zh}`);
  }
  return lines.join('\n');
}

async function runImport(o: Output, positionals: string[], options: Options): Promise<void> {
  expectPositionals('import', positionals, ['FILE']);
  const { readReportFile } = await import('./report/index.ts');
  const decoded = await readReportFile(positionals[0]!);
  const service = openService(options);
  try {
    const r = parseResult('importReport', await service.importDecodedReport(decoded, options.title));
    printResult(o, r, `Imported ${decoded.fileName} as ${r.deckId}: ${r.slides} slides, ${r.figures} figures, ${r.warnings.length} notes · 已导入`);
  } finally {
    service.close();
  }
}

async function runDecks(o: Output, positionals: string[], options: Options): Promise<void> {
  expectPositionals('decks', positionals, []);
  const service = openService(options);
  try {
    const { decks } = await checkedApi(service).listDecks({});
    const rows = decks.map((d) => ({ id: d.id, title: d.title, slides: d.slides, updated: d.updatedAt }));
    const text = rows.length ? rows.map((d) => `${d.id}  ${String(d.slides).padStart(3)} slides  ${d.updated}  ${d.title}`).join('\n') : 'No decks yet · 还没有演示文稿';
    printResult(o, { decks: rows }, text);
  } finally {
    service.close();
  }
}

async function runShow(o: Output, positionals: string[], options: Options): Promise<void> {
  expectPositionals('show', positionals, ['DECK_ID']);
  const service = openService(options);
  try {
    const deck = await checkedApi(service).getDeck({ deckId: positionals[0]! });
    printResult(o, showJson(deck), showText(deck));
  } finally {
    service.close();
  }
}

async function runFigure(o: Output, positionals: string[], options: Options): Promise<void> {
  if (positionals[0] !== 'set') throw new UsageError('figure: the only subcommand is "set" (huibao figure set DECK_ID KEY VALUE)', 'figure：只有 "set" 子命令');
  const rest = positionals.slice(1);
  expectPositionals('figure set', rest, ['DECK_ID', 'KEY', 'VALUE']);
  const [deckId, key, value] = rest as [string, string, string];
  const service = openService(options);
  try {
    const f = await checkedApi(service).updateFigure({ deckId, key, value });
    printResult(o, { deckId, key: f.key, label: f.label, value: f.value, unit: f.unit, display: f.display }, `${f.key} = ${f.display}`);
  } finally {
    service.close();
  }
}

function parseFormat(text: string | undefined): ExportFormat {
  const choices = EXPORT_FORMATS.join(', ');
  if (text === undefined) throw new UsageError(`export: missing --format (${choices})`, `export：缺少 --format（${choices}）`);
  if ((EXPORT_FORMATS as readonly string[]).includes(text)) return text as ExportFormat;
  throw new UsageError(`export: --format must be one of ${choices}, not "${text}"`, `export：--format 必须是 ${choices} 之一，而不是 "${text}"`);
}

async function runExport(o: Output, positionals: string[], options: Options): Promise<void> {
  expectPositionals('export', positionals, ['DECK_ID']);
  const format = parseFormat(options.format);
  if (!options.out) throw new UsageError('export: missing --out FILE', 'export：缺少 --out FILE');
  const out = options.out;
  if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`export: --out ${out} is a folder; give a file name`, `export：--out ${out} 是文件夹，请给出文件名`);
  const service = openService(options);
  try {
    const r = await checkedApi(service).exportDeck({ deckId: positionals[0]!, format, ...(options.notes ? { notes: true } : {}) });
    const bytes = Buffer.from(r.dataBase64, 'base64');
    writeFileWhole(out, bytes);
    printResult(o, { deckId: positionals[0]!, format, out, bytes: bytes.length }, `Saved ${out} (${format}, ${bytes.length} bytes) · 已导出`);
  } finally {
    service.close();
  }
}

const SEVERITY_MARK = { block: 'BLOCK', warn: 'warn ', info: 'info ' } as const;

async function runCheck(o: Output, positionals: string[], options: Options): Promise<number> {
  expectPositionals('check', positionals, ['DECK_ID']);
  const deckId = positionals[0]!;
  const service = openService(options);
  try {
    const api = checkedApi(service);
    const deck = await api.getDeck({ deckId });
    const r = await api.checkDeck({ deckId });
    const number = new Map(deck.slides.map((s, i) => [s.id, i + 1]));
    const open = r.findings.filter((f) => !f.dismissed);
    const lines = open.map((f) => {
      const where = f.slideId !== null && number.has(f.slideId) ? `slide ${number.get(f.slideId)}` : f.figureKey ?? '';
      return `${SEVERITY_MARK[f.severity]} ${where.padEnd(9)} ${oneLine(f.message.zh)} · ${oneLine(f.message.en)}`;
    });
    const dismissed = r.findings.length - open.length;
    lines.push(
      '',
      `${r.blocking} blocking, ${open.length} open${dismissed ? `, ${dismissed} dismissed` : ''} · ${r.blocking} 项须处理，共 ${open.length} 项` +
        (r.blocking ? '' : ' — ready to present · 可以放映'),
    );
    printResult(o, { deckId, blocking: r.blocking, findings: r.findings }, lines.join('\n'));
    return r.blocking > 0 ? 1 : 0;
  } finally {
    service.close();
  }
}

async function runOpenBundle(o: Output, positionals: string[], options: Options): Promise<void> {
  expectPositionals('open-bundle', positionals, ['FILE']);
  const file = positionals[0]!;
  const { readBundleFile } = await import('./export/bundleFile.ts');
  const args = readBundleFile(file);
  const service = openService(options);
  try {
    const r = await checkedApi(service).openBundle(args);
    const a = r.approval;
    const signOff = !a
      ? ''
      : a.current
        ? `\nSigned off by ${a.approver} at ${a.approvedAt}; the content still matches · 定稿记录与内容相符`
        : `\nSigned off by ${a.approver} at ${a.approvedAt}, but the content has changed since · 定稿后内容已改动，需重新定稿`;
    printResult(o, r, `Opened ${basename(file)} as ${r.deckId}: ${r.slides} slides, ${r.figures} figures · 已打开${signOff}`);
  } finally {
    service.close();
  }
}

/** A review as lines of text, grouped as the editor groups it. */
function reviewText(review: RefreshReview): string[] {
  const groups: [RefreshItem['kind'], string][] = [
    ['figure-changed', 'Figures changed · 数字有变化'],
    ['figure-added', 'New figures · 新增的数字'],
    ['figure-gone', 'Figures gone · 已删除的数字'],
    ['paragraph-changed', 'Paragraphs changed · 文字有改动的段落'],
    ['paragraph-added', 'New paragraphs · 新增的段落'],
    ['paragraph-removed', 'Removed paragraphs · 删除的段落'],
    ['section-added', 'New sections · 新增的部分'],
    ['section-removed', 'Removed sections · 删除的部分'],
    ['caption-added', 'New captions · 新增的图片说明'],
    ['caption-removed', 'Removed captions · 删除的图片说明'],
  ];
  const short = (t: string) => (t.length > 60 ? `${t.slice(0, 60)}…` : t);
  const line = (i: RefreshItem): string => {
    switch (i.kind) {
      case 'figure-changed':
        return i.conflict
          ? `${i.label}: CONFLICT · 冲突 — imported ${i.imported.display}, by hand ${i.current.display}, revised ${i.revised.display}`
          : `${i.label}: ${i.imported.display} → ${i.revised.display}`;
      case 'figure-added':
        return `${i.label}: ${i.revised.display}`;
      case 'figure-gone':
        return `${i.label}: ${i.imported.display}`;
      case 'paragraph-changed':
        // The changes in their context: shared text shortened to its ends.
        return i.diff.map((d) => (d.op === 'added' ? `[+${d.text}]` : d.op === 'removed' ? `[-${d.text}]` : d.text.length > 16 ? `${d.text.slice(0, 8)}…${d.text.slice(-8)}` : d.text)).join('');
      case 'paragraph-added':
      case 'paragraph-removed':
      case 'caption-added':
      case 'caption-removed':
        return short(i.text);
      case 'section-added':
      case 'section-removed':
        return i.title;
    }
  };
  const lines: string[] = [];
  for (const [kind, title] of groups) {
    const items = review.items.filter((i) => i.kind === kind);
    if (items.length === 0) continue;
    lines.push(`${title} (${items.length}):`);
    for (const i of items) lines.push(`  ${i.applicable ? '' : '(by hand · 需人工处理) '}${line(i)}`);
  }
  return lines;
}

async function runRefresh(o: Output, positionals: string[], options: Options): Promise<void> {
  expectPositionals('refresh', positionals, ['DECK_ID', 'FILE']);
  const [deckId, file] = positionals as [string, string];
  const report = { fileName: basename(file), dataBase64: readFileSync(file).toString('base64') };
  const service = openService(options);
  try {
    const api = checkedApi(service);
    const review = await api.refreshPreview({ deckId, ...report });
    const accept = review.items.filter((i) => i.applicable).map((i) => i.id);
    const lines = review.items.length === 0 ? [`${report.fileName}: no changes · 与原报告相同，无需更新`] : [`${report.fileName} against the deck's report · 与原报告比较:`, ...reviewText(review)];
    if (!options.apply || accept.length === 0) {
      if (accept.length > 0) lines.push('', `Run again with --apply to apply the ${accept.length} changes that can be · 加 --apply 应用`);
      printResult(o, { review }, lines.join('\n'));
      return;
    }
    const r = await api.refreshApply({ deckId, ...report, accept });
    lines.push('', `Applied ${r.applied} changes; the deck as it was is kept as version “${r.keptAs.label}” · 已更新`);
    printResult(o, { review, applied: r.applied, keptAs: r.keptAs }, lines.join('\n'));
  } finally {
    service.close();
  }
}

async function runApprove(o: Output, positionals: string[], options: Options): Promise<void> {
  expectPositionals('approve', positionals, ['DECK_ID']);
  const approver = options.by?.trim();
  if (!approver) throw new UsageError('approve: missing --by NAME (who signs the deck off)', 'approve：缺少 --by NAME（定稿人）');
  const deckId = positionals[0]!;
  const service = openService(options);
  try {
    const a = await checkedApi(service).approveDeck({ deckId, approver });
    printResult(o, { deckId, ...a }, `Signed off by ${a.approver} at ${a.approvedAt} · 已定稿\nSHA-256 ${a.sha256}\n(an honest record, not a cryptographic signature · 如实记录，非密码学签名)`);
  } finally {
    service.close();
  }
}

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore', windowsHide: true, windowsVerbatimArguments: true });
    // No opener on this machine: the printed address is enough.
    child.on('error', () => {});
    child.unref();
  } catch {
    // As above.
  }
}

async function runServe(o: Output, positionals: string[], options: Options): Promise<void> {
  expectPositionals('serve', positionals, []);
  const port = parsePort(options.port);
  const appRoot = findAppRoot();
  const staticDir = rendererDir(appRoot);
  if (!existsSync(join(staticDir, 'index.html'))) o.err('huibao: the app is not built yet (run `npm run build`); only the API is served · 界面尚未构建，请先运行 npm run build');
  const { startHttpHost } = await import('./http/server.ts');
  // One Chromium for a run of PDF exports, started by the first and closed after a minute without one.
  const { keptChromiumPrinter } = await import('./export/pdf.ts');
  const printer = keptChromiumPrinter();
  const service = openService(options, printer);
  let host: Awaited<ReturnType<typeof startHttpHost>>;
  try {
    try {
      const sample = await ensureSampleDeck(service, sampleReportPath(appRoot));
      if (sample && !o.json) o.err(`huibao: imported the sample report as ${sample} · 已导入示例报告`);
    } catch (err) {
      // The app is still useful without the sample: say so and go on.
      const msg = err instanceof ApiError ? `${err.en} · ${err.zh}` : String(err);
      o.err(oneLine(`huibao: could not import the sample report: ${msg}`));
    }
    try {
      host = await startHttpHost({ api: service, staticDir, port });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new ApiError('INVALID_ARGUMENT', `端口 ${port} 已被占用`, `port ${port} is already in use`);
      throw err;
    }
  } catch (err) {
    service.close();
    throw err;
  }
  // Listen for the stop signal before printing: whoever reads the address may stop us at once.
  const stopped = new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => resolve());
  });
  o.out(`Huibao: ${host.url}`);
  if (o.json) o.out(JSON.stringify({ url: host.url, port: host.port, token: host.token }));
  o.err('Press Ctrl+C to stop · 按 Ctrl+C 停止');
  if (!options['no-open']) openBrowser(host.url);
  await stopped;
  try {
    await host.close();
    await printer.close();
  } finally {
    service.close();
  }
}

/** Each command; one that returns a number sets the exit code with it (`check`: 1 when something blocks). */
const RUNNERS: Record<string, (o: Output, positionals: string[], options: Options) => Promise<void | number>> = {
  import: runImport,
  decks: runDecks,
  show: runShow,
  figure: runFigure,
  export: runExport,
  check: runCheck,
  'open-bundle': runOpenBundle,
  refresh: runRefresh,
  approve: runApprove,
  serve: runServe,
};

/** Runs one command line; returns the exit code. */
export async function main(argv: string[], o: Omit<Output, 'json'> = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) }): Promise<number> {
  const debug = argv.includes('--debug');
  const json = argv.includes('--json');
  const output: Output = { ...o, json };
  try {
    const { positionals, options } = parseCommandLine(argv);
    const [command, ...rest] = positionals;
    if (command === undefined || command === 'help') {
      if (command === 'help' && rest.length > 1) throw new UsageError('help takes at most one command name', 'help 只接受一个命令名');
      const text = command === 'help' && rest[0] ? commandHelp(rest[0]) : generalHelp();
      o.out(json ? JSON.stringify({ help: text }) : text);
      return 0;
    }
    const spec = COMMANDS[command];
    const run = RUNNERS[command];
    if (!spec || !run) throw new UsageError(`unknown command "${command}"`, `未知的命令 "${command}"`);
    if (options.help) {
      o.out(json ? JSON.stringify({ help: commandHelp(command) }) : commandHelp(command));
      return 0;
    }
    for (const name of Object.keys(options) as OptionName[]) {
      if (!spec.options.includes(name)) throw new UsageError(`${command} does not take --${name}`, `${command} 不接受 --${name}`);
    }
    return (await run(output, rest, options)) ?? 0;
  } catch (err) {
    let code = 1;
    let shape: { code: string; message: { zh: string; en: string } };
    if (err instanceof UsageError) {
      code = 2;
      shape = { code: 'USAGE', message: { en: err.en, zh: err.zh } };
    } else if (err instanceof ApiError) {
      shape = err.toJSON();
    } else {
      const text = err instanceof Error ? err.message : String(err);
      shape = { code: 'INTERNAL', message: { en: `internal error: ${text}`, zh: '内部错误' } };
    }
    o.err(oneLine(`huibao: ${shape.message.en} · ${shape.message.zh}`) + (code === 2 ? ' (huibao --help)' : ''));
    if (debug && err instanceof Error && err.stack) o.err(err.stack);
    if (json) o.out(JSON.stringify({ error: shape }));
    return code;
  }
}

/** What bin/huibao.mjs calls: runs the process's command line and sets its exit code. */
export async function runCommandLine(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2));
}
