// The Electron security audit, in `npm test`: Electronegativity (a static scanner for Electron misconfigurations) on
// our TypeScript sources and on the bundles that ship, plus our own static check against Electron's security
// checklist for what the scanner cannot follow (options kept in a shared object). No finding above INFORMATIONAL
// may remain unless the allow-list below proves, by a check run here, that it is a false positive.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../decks/common/csp.ts';
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

// ---- our own checks (also the proofs behind the allow-list) ----

const mainDir = join(PROJECT_ROOT, 'electron/main');
const mainSources = () => readdirSync(mainDir).filter((f) => f.endsWith('.ts')).map((f) => ({ file: `main/${f}`, text: readFileSync(join(mainDir, f), 'utf8') }));

/** The object literal that starts at `open` (an index of `{`), braces balanced. */
function objectAt(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open, i + 1);
  }
  throw new Error('unbalanced braces');
}

/** Every webPreferences object written out in electron/main (inline, or the shared const every window uses). */
function webPreferencesBlocks(): { file: string; block: string }[] {
  const out: { file: string; block: string }[] = [];
  for (const { file, text } of mainSources()) {
    for (const m of text.matchAll(/webPreferences(?:\s*:\s*WebPreferences)?\s*[:=]\s*\{/g)) out.push({ file, block: objectAt(text, m.index + m[0].length - 1) });
  }
  return out;
}

const REQUIRED = { contextIsolation: 'true', sandbox: 'true', nodeIntegration: 'false' } as const;
const FORBIDDEN = /\b(?:nodeIntegration(?:InWorker|InSubFrames)?\s*:\s*true|contextIsolation\s*:\s*false|sandbox\s*:\s*false|webSecurity\s*:\s*false|allowRunningInsecureContent\s*:\s*true|experimentalFeatures\s*:\s*true|webviewTag\s*:\s*true|enableBlinkFeatures)\b/;

/** Proof for CONTEXT_ISOLATION / SANDBOX findings on `new BrowserWindow({ … webPreferences })`: every window's options are checked here. */
function everyWindowIsIsolated(): void {
  const blocks = webPreferencesBlocks();
  expect(blocks.length).toBeGreaterThan(0);
  for (const { file, block } of blocks) {
    for (const [key, value] of Object.entries(REQUIRED)) expect(block, `${file}: ${key}`).toMatch(new RegExp(`\\b${key}\\s*:\\s*${value}\\b`));
    expect(block, file).not.toMatch(FORBIDDEN);
  }
  for (const { file, text } of mainSources()) {
    for (const m of text.matchAll(/new BrowserWindow\(\s*\{/g)) {
      const options = objectAt(text, m.index + m[0].length - 1);
      // Inline options (checked above), or the shared object by name (index.ts's const, handed to Presentation).
      expect(options, `${file}: a window without webPreferences`).toMatch(/webPreferences\s*(?::\s*\{|,|\}|:\s*this\.opts\.webPreferences)/);
    }
  }
  expect(readFileSync(join(mainDir, 'index.ts'), 'utf8')).toMatch(/app\.enableSandbox\(\)/);
}

/** Proof for AUXCLICK (middle-click opens a window): every web contents gets a window-open handler that denies. */
function everyNewWindowIsDenied(): void {
  const handlers: ((d: { url: string }) => { action: string })[] = [];
  const fake = { setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => void handlers.push(h), on: () => fake };
  hardenWebContents(fake as unknown as Parameters<typeof hardenWebContents>[0]);
  expect(handlers.map((h) => h({ url: 'https://evil.example/' }).action)).toEqual(['deny']);
  expect(readFileSync(join(mainDir, 'index.ts'), 'utf8')).toMatch(/app\.on\('web-contents-created',[^\n]*hardenWebContents/);
}

/** Proof for CSP_GLOBAL_CHECK (the scanner looks for a CSP in HTML or in webRequest): app:// sends it as a header. */
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

/** Proof for PRELOAD_JS_CHECK (“review the preload”): it exposes exactly window.huibao.call (tests/unit/security/hostBoundaries.test.ts). */
function preloadExposesOnlyCall(): void {
  const source = readdirSync(join(PROJECT_ROOT, 'electron/preload')).map((f) => readFileSync(join(PROJECT_ROOT, 'electron/preload', f), 'utf8')).join('\n');
  expect(source.match(/\.exposeInMainWorld\(/g)).toHaveLength(1);
  expect(source).toMatch(/exposeInMainWorld\('huibao', \{ call: /);
}

/** Findings that are false positives, each with why and a check that must hold (else the test fails). */
const ALLOWED: { issue: string; why: string; proof: () => void | Promise<void> }[] = [
  { issue: 'CSP_GLOBAL_CHECK', why: 'The CSP is sent as a response header by the app:// handler (and the loopback host), which the scanner does not look for.', proof: appProtocolSendsCsp },
  { issue: 'PRELOAD_JS_CHECK', why: 'A “review the preload” reminder: the preload exposes only window.huibao.call, checked here and in hostBoundaries.test.ts.', proof: preloadExposesOnlyCall },
  { issue: 'AUXCLICK_JS_CHECK', why: 'Middle-click asks for a new window, and every web contents denies all new windows (hardenWebContents on web-contents-created).', proof: everyNewWindowIsDenied },
  { issue: 'CONTEXT_ISOLATION_JS_CHECK', why: 'The scanner cannot follow webPreferences kept in a shared object; every window’s options are checked here instead.', proof: everyWindowIsIsolated },
  { issue: 'SANDBOX_JS_CHECK', why: 'As for context isolation: the shared webPreferences (sandbox: true) are checked here, and app.enableSandbox() is called.', proof: everyWindowIsIsolated },
];

let work: string;
let sourceFindings: Finding[];
let bundleFindings: Finding[];
let insecureFindings: Finding[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'huibao-scan-'));
  // What ships: main and preload bundled as build.mjs does, renamed .js (the scanner reads .js/.ts/.html only).
  const shipped = join(work, 'shipped');
  await Promise.all([
    build({ entryPoints: [join(PROJECT_ROOT, 'electron/main/index.ts')], outfile: join(shipped, 'main.js'), bundle: true, platform: 'node', format: 'esm', target: 'node24', packages: 'external', logLevel: 'silent' }),
    build({ entryPoints: [join(PROJECT_ROOT, 'electron/preload/index.ts')], outfile: join(shipped, 'preload.js'), bundle: true, platform: 'node', format: 'cjs', target: 'node24', external: ['electron'], logLevel: 'silent' }),
  ]);
  const insecure = join(work, 'insecure');
  cpSync(join(PROJECT_ROOT, 'tests/fixtures/insecureElectron'), insecure, { recursive: true });
  for (const d of ['src', 'bundle', 'bad']) mkdirSync(join(work, d));
  [sourceFindings, bundleFindings, insecureFindings] = await Promise.all([
    scan(join(PROJECT_ROOT, 'electron'), join(work, 'src')),
    scan(shipped, join(work, 'bundle')),
    scan(insecure, join(work, 'bad')),
  ]);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const aboveInformational = (f: Finding) => f.severity.toUpperCase() !== 'INFORMATIONAL';

describe('Electron security audit', () => {
  it('the scanner is really looking: it reports the deliberately insecure fixture', () => {
    const issues = new Set(insecureFindings.filter(aboveInformational).map((f) => f.issue));
    for (const expected of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'INSECURE_CONTENT_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK']) expect(issues).toContain(expected);
  });

  it('finds nothing above informational in electron/ (sources) and in the shipped bundles, apart from proven false positives', async () => {
    const all = [...sourceFindings.map((f) => ({ ...f, where: 'sources' })), ...bundleFindings.map((f) => ({ ...f, where: 'bundle' }))].filter(aboveInformational);
    const allowed = new Map(ALLOWED.map((a) => [a.issue, a]));
    const unexplained = all.filter((f) => !allowed.has(f.issue)).map((f) => `${f.where} ${f.issue} ${f.severity} ${f.file}:${f.location} ${f.sample}`);
    expect(unexplained).toEqual([]);
    for (const issue of new Set(all.map((f) => f.issue))) await allowed.get(issue)!.proof();
    console.log(
      `[measure] electronegativity: sources ${sourceFindings.length} findings, bundles ${bundleFindings.length}; above informational: ` +
        `${all.length} (${[...new Set(all.map((f) => f.issue))].join(', ') || 'none'}), each an allow-listed false positive with its proof passing`,
    );
  });

  it('our own checklist holds, whatever the scanner saw: isolation and sandbox on every window, no window opens, CSP on app://', async () => {
    everyWindowIsIsolated();
    everyNewWindowIsDenied();
    await appProtocolSendsCsp();
    preloadExposesOnlyCall();
    const main = readFileSync(join(mainDir, 'index.ts'), 'utf8');
    expect(main).toMatch(/setPermissionRequestHandler\(\([^)]*\)\s*=>\s*callback\(false\)\)/);
    for (const { file, text } of mainSources()) {
      expect(text, file).not.toMatch(FORBIDDEN);
      expect(text, `${file} loads file:// or remote pages`).not.toMatch(/\.loadFile\(|loadURL\(\s*['"`](?:file|https?):/);
      expect(text, `${file} opens external links`).not.toMatch(/shell\.openExternal\(/);
    }
  });
});
