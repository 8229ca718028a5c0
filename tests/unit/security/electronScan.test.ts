// The Electron security audit, in `npm test`: Electronegativity (a static scanner for Electron misconfigurations) on
// our TypeScript sources and on the bundles that ship, each together with the page the windows load (the built
// renderer page, whose meta CSP the scanner reads; it cannot see the header app:// sends). No finding above
// INFORMATIONAL may remain, and there is no allow-list. Our own checks of Electron's security checklist follow.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, metaContentSecurityPolicy, PINNED_MODULE_META } from '../../../decks/common/csp.ts';
import { createAppProtocolHandler } from '../../../electron/main/appProtocol.ts';
import { hardenWebContents } from '../../../electron/main/windowGuards.ts';
import { PROJECT_ROOT } from '../../fixtures/buildScript.ts';

interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
}

/** Runs the scanner once, offline, writing `report` (.csv or .sarif by its extension); it exits 0 whatever it finds. */
function runScanner(input: string, report: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', join(PROJECT_ROOT, 'tests/fixtures/offlineNetwork.cjs'), join(PROJECT_ROOT, 'node_modules/.bin/electronegativity'), '-i', input, '-r', '-e', '45.5.0', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    child.stdout.on('data', (c: Buffer) => (log += c.toString()));
    child.stderr.on('data', (c: Buffer) => (log += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(log) : reject(new Error(`electronegativity exited with ${code}: ${log}`))));
  });
}

/**
 * The scanner's findings for `input`. Its CSV writer races with itself (the header and the rows are two unawaited
 * writes, so under load the rows can be lost or overwritten), while its SARIF report is one write but has no
 * severities. So both are written, and the CSV is used only when it holds exactly as many complete rows as the SARIF
 * report has results; otherwise the scan is run again. A lost report can therefore never pass as “no findings”.
 */
async function scan(input: string, out: string): Promise<Finding[]> {
  let problem = '';
  for (let attempt = 1; attempt <= 4; attempt++) {
    const csv = join(out, `report-${attempt}.csv`);
    const sarif = join(out, `report-${attempt}.sarif`);
    const [log] = await Promise.all([runScanner(input, csv), runScanner(input, sarif)]);
    await new Promise((r) => setTimeout(r, 200)); // let the scanner's unawaited writes land
    try {
      const expected = (JSON.parse(readFileSync(sarif, 'utf8')) as { runs: { results: unknown[] }[] }).runs[0]!.results.length;
      const findings = parseCsv(readFileSync(csv, 'utf8'));
      if (findings.length === expected) return findings;
      problem = `the CSV report has ${findings.length} rows, the SARIF report ${expected} results`;
    } catch (err) {
      problem = `${String(err)}; ${log.slice(0, 500)}`;
    }
  }
  throw new Error(`no consistent report from electronegativity after 4 scans: ${problem}`);
}

/** RFC 4180 CSV (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): Finding[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      if (row.some((x) => x.trim() !== '')) rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  row.push(cell);
  if (row.some((x) => x.trim() !== '')) rows.push(row);
  const header = rows.shift()?.map((h) => h.trim());
  expect(header?.slice(0, 6)).toEqual(['issue', 'severity', 'confidence', 'filename', 'location', 'sample']);
  const short = rows.find((r) => r.length < 6);
  if (short) throw new Error(`incomplete report row: ${short.join(',').slice(0, 200)}`);
  return rows.map(([issue, severity, confidence, file, location, sample]) => ({ issue: issue!, severity: severity!, confidence: confidence!, file: file!, location: location!, sample: sample! }));
}

// ---- our own checks of Electron's checklist ----

const mainDir = join(PROJECT_ROOT, 'electron/main');
const mainSources = () => readdirSync(mainDir).filter((f) => f.endsWith('.ts')).map((f) => ({ file: `main/${f}`, text: readFileSync(join(mainDir, f), 'utf8') }));
/** The pages the windows load: the app's, and the show's own (present.html). */
const BUILT_PAGES = ['index.html', 'present.html'];

/** The object literal that starts at `open` (an index of `{`), braces balanced. */
function objectAt(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open, i + 1);
  }
  throw new Error('unbalanced braces');
}

const REQUIRED = { contextIsolation: 'true', sandbox: 'true', nodeIntegration: 'false', webSecurity: 'true', disableBlinkFeatures: "'Auxclick'" } as const;
const FORBIDDEN = /\b(?:nodeIntegration(?:InWorker|InSubFrames)?\s*:\s*true|contextIsolation\s*:\s*false|sandbox\s*:\s*false|webSecurity\s*:\s*false|allowRunningInsecureContent\s*:\s*true|experimentalFeatures\s*:\s*true|webviewTag\s*:\s*true|enableBlinkFeatures)\b/;

/** One window factory (windows.ts) makes every window, with its webPreferences written out as a literal. */
function everyWindowIsIsolated(): void {
  const makers = mainSources().filter(({ text }) => /new BrowserWindow\(/.test(text));
  expect(makers.map((m) => m.file)).toEqual(['main/windows.ts']);
  const text = makers[0]!.text;
  const calls = [...text.matchAll(/new BrowserWindow\(\s*\{/g)];
  expect(calls).toHaveLength(1);
  const options = objectAt(text, calls[0]!.index + calls[0]![0].length - 1);
  const prefs = /webPreferences\s*:\s*\{/.exec(options);
  expect(prefs, 'webPreferences as a literal').not.toBeNull();
  const block = objectAt(options, prefs!.index + prefs![0].length - 1);
  for (const [key, value] of Object.entries(REQUIRED)) expect(block, key).toMatch(new RegExp(`\\b${key}\\s*:\\s*${value}(?=[,\\s}])`));
  expect(block).not.toMatch(FORBIDDEN);
  // The caller's options come first, so nothing spread in can replace the preferences.
  expect(options.indexOf('...options')).toBeLessThan(options.indexOf('webPreferences'));
  expect(readFileSync(join(mainDir, 'index.ts'), 'utf8')).toMatch(/app\.enableSandbox\(\)/);
}

/** Every web contents gets a window-open handler that denies (middle-click included). */
function everyNewWindowIsDenied(): void {
  const handlers: ((d: { url: string }) => { action: string })[] = [];
  const fake = { setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => void handlers.push(h), on: () => fake };
  hardenWebContents(fake as unknown as Parameters<typeof hardenWebContents>[0]);
  expect(handlers.map((h) => h({ url: 'https://evil.example/' }).action)).toEqual(['deny']);
  expect(readFileSync(join(mainDir, 'index.ts'), 'utf8')).toMatch(/app\.on\('web-contents-created',[^\n]*hardenWebContents/);
}

/** app:// sends the CSP as a header with every response. */
async function appProtocolSendsCsp(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'huibao-csp-'));
  try {
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    const handler = createAppProtocolHandler(dir);
    for (const request of [new Request('app://huibao/index.html'), new Request('app://huibao/missing.js'), new Request('app://other/index.html'), new Request('app://huibao/', { method: 'POST' })]) {
      expect((await handler(request)).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(readFileSync(join(mainDir, 'index.ts'), 'utf8')).toMatch(/protocol\.handle\('app', createAppProtocolHandler/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each built page carries the CSP as a meta element, its scripts pinned by the hashes the meta allows. */
function builtPagesCarryCsp(): void {
  for (const name of BUILT_PAGES) builtPageCarriesCsp(join(PROJECT_ROOT, 'dist/renderer', name));
}

function builtPageCarriesCsp(page: string): void {
  expect(existsSync(page), `${page} (run \`npm run build\`)`).toBe(true);
  const html = readFileSync(page, 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="\.\/([^"]+)"[^>]*\bintegrity="([^"]+)"[^>]*>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  expect(html.match(/<script\b/g)).toHaveLength(scripts.length);
  for (const [, file, integrity] of scripts) {
    expect(integrity).toBe(`sha384-${createHash('sha384').update(readFileSync(join(PROJECT_ROOT, 'dist/renderer', file!))).digest('base64')}`);
  }
  // Chunks loaded on demand (the chart engine) are pinned by name and hash, and their hashes join the policy's.
  const pinned = [...html.matchAll(new RegExp(`<meta name="${PINNED_MODULE_META}([^"]+)" content="\\./([^" ]+) (sha384-[^"]+)"`, 'g'))];
  expect(pinned.map((m) => m[1])).toEqual(['chartEngine']);
  for (const [, , file, integrity] of pinned) {
    expect(integrity).toBe(`sha384-${createHash('sha384').update(readFileSync(join(PROJECT_ROOT, 'dist/renderer', file!))).digest('base64')}`);
  }
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(meta?.[1]).toBe(metaContentSecurityPolicy([...scripts.map((m) => m[2]!), ...pinned.map((m) => m[3]!)]));
}

/** The preload exposes exactly window.huibao.call and .onCommand (also tests/unit/security/hostBoundaries.test.ts). */
function preloadExposesOnlyTheBridge(): void {
  const source = readdirSync(join(PROJECT_ROOT, 'electron/preload')).map((f) => readFileSync(join(PROJECT_ROOT, 'electron/preload', f), 'utf8')).join('\n');
  expect(source.match(/\.exposeInMainWorld\(/g)).toHaveLength(1);
  expect(source).toMatch(/exposeInMainWorld\('huibao', \{\s*call: \(method: MethodName, args: unknown\) => bridge\.call\(method, args\),\s*onCommand: \(listener: \(id: CommandId\) => void\) => bridge\.onCommand\(listener\),\s*\}\)/);
}

let work: string;
let sourceFindings: Finding[];
let bundleFindings: Finding[];
let insecureFindings: Finding[];
let electronOnlyFindings: Finding[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'huibao-scan-'));
  // The sources as they are, beside the page the windows load (built from renderer/index.html).
  const sources = join(work, 'sources');
  cpSync(join(PROJECT_ROOT, 'electron'), join(sources, 'electron'), { recursive: true });
  for (const name of BUILT_PAGES) cpSync(join(PROJECT_ROOT, 'dist/renderer', name), join(sources, 'renderer', name));
  // What ships: main and preload bundled as build.mjs does, renamed .js (the scanner reads .js/.ts/.html only).
  const shipped = join(work, 'shipped');
  await Promise.all([
    build({ entryPoints: [join(PROJECT_ROOT, 'electron/main/index.ts')], outfile: join(shipped, 'main.js'), bundle: true, platform: 'node', format: 'esm', target: 'node24', packages: 'external', logLevel: 'silent' }),
    build({ entryPoints: [join(PROJECT_ROOT, 'electron/preload/index.ts')], outfile: join(shipped, 'preload.js'), bundle: true, platform: 'node', format: 'cjs', target: 'node24', external: ['electron'], logLevel: 'silent' }),
  ]);
  for (const name of BUILT_PAGES) cpSync(join(PROJECT_ROOT, 'dist/renderer', name), join(shipped, 'renderer', name));
  const insecure = join(work, 'insecure');
  cpSync(join(PROJECT_ROOT, 'tests/fixtures/insecureElectron'), insecure, { recursive: true });
  for (const d of ['src', 'bundle', 'bad', 'bare']) mkdirSync(join(work, d));
  [sourceFindings, bundleFindings, insecureFindings, electronOnlyFindings] = await Promise.all([
    scan(sources, join(work, 'src')),
    scan(shipped, join(work, 'bundle')),
    scan(insecure, join(work, 'bad')),
    scan(join(sources, 'electron'), join(work, 'bare')),
  ]);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const aboveInformational = (f: Finding) => f.severity.toUpperCase() !== 'INFORMATIONAL';

describe('Electron security audit', () => {
  it('the scanner is really looking: it reports the deliberately insecure fixture', () => {
    const issues = new Set(insecureFindings.filter(aboveInformational).map((f) => f.issue));
    for (const expected of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'INSECURE_CONTENT_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK', 'CSP_GLOBAL_CHECK']) expect(issues).toContain(expected);
  });

  it('finds nothing above informational in electron/ (sources) and in the shipped bundles, with their page', () => {
    const all = [...sourceFindings.map((f) => ({ ...f, where: 'sources' })), ...bundleFindings.map((f) => ({ ...f, where: 'bundle' }))];
    expect(all.filter(aboveInformational).map((f) => `${f.where} ${f.issue} ${f.severity} ${f.file}:${f.location} ${f.sample}`)).toEqual([]);
    // Its silence about the CSP is the page's doing: electron/ alone (the scanner never sees app://'s header) gets
    // CSP_GLOBAL_CHECK and nothing else.
    expect(electronOnlyFindings.filter(aboveInformational).map((f) => f.issue)).toEqual(['CSP_GLOBAL_CHECK']);
    console.log(`[measure] electronegativity: sources ${sourceFindings.length} findings, bundles ${bundleFindings.length}, none above informational`);
  });

  it('our own checklist holds, whatever the scanner saw: isolation and sandbox on every window, no window opens, CSP as header and meta', async () => {
    everyWindowIsIsolated();
    everyNewWindowIsDenied();
    await appProtocolSendsCsp();
    builtPagesCarryCsp();
    preloadExposesOnlyTheBridge();
    const main = readFileSync(join(mainDir, 'index.ts'), 'utf8');
    expect(main).toMatch(/limitPermissions\(session\.defaultSession\)/);
    for (const { file, text } of mainSources()) {
      expect(text, file).not.toMatch(FORBIDDEN);
      expect(text, `${file} loads file:// or remote pages`).not.toMatch(/\.loadFile\(|loadURL\(\s*['"`](?:file|https?):/);
      expect(text, `${file} opens external links`).not.toMatch(/shell\.openExternal\(/);
    }
  });
});
