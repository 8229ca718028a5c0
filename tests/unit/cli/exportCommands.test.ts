// `huibao export` and `huibao open-bundle`, run in-process through main() on a temp database.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastJson, useInProcessCli } from './inProcessCli.ts';

const SAMPLE = new URL('../../../decks/samples/shangyu-youth-city.txt', import.meta.url).pathname;
const cli = useInProcessCli('huibao-cli-export-');
const huibao = cli.huibao;
const last = lastJson;

describe('huibao export / open-bundle', () => {
  it('exports a deck to .pptx and .huibao and opens the bundle as a new deck', async () => {
    const imported = last((await huibao('import', SAMPLE, '--json')).out);
    const deckId = imported.deckId as string;
    const pptx = join(cli.dir, '汇报.pptx');
    const r1 = await huibao('export', deckId, '--format', 'pptx', '--out', pptx, '--json');
    expect(r1.code).toBe(0);
    expect(last(r1.out)).toMatchObject({ deckId, format: 'pptx', out: pptx });
    expect(readFileSync(pptx).subarray(0, 2).toString('latin1')).toBe('PK');

    const bundle = join(cli.dir, 'deck.huibao');
    expect((await huibao('export', deckId, '--format', 'huibao', '--out', bundle)).code).toBe(0);
    const opened = await huibao('open-bundle', bundle, '--json');
    expect(opened.code).toBe(0);
    const result = last(opened.out);
    expect(result.deckId).not.toBe(deckId);
    expect(result.slides).toBe(imported.slides);
    const decks = last((await huibao('decks', '--json')).out).decks as { id: string }[];
    expect(decks.map((d) => d.id).sort()).toEqual([deckId, result.deckId].sort());
    // Only the two files: no temporary file is left beside them.
    expect(readdirSync(cli.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('exports a single-file HTML and a PDF handout', { timeout: 60_000 }, async () => {
    const imported = last((await huibao('import', SAMPLE, '--json')).out);
    const deckId = imported.deckId as string;
    const html = join(cli.dir, 'deck.html');
    expect((await huibao('export', deckId, '--format', 'html', '--out', html)).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>[\s\S]*<script type="application\/json" id="huibao-deck">/);
    const pdf = join(cli.dir, 'handout.pdf');
    const r = await huibao('export', deckId, '--format', 'pdf', '--notes', '--out', pdf, '--json');
    expect(r.code).toBe(0);
    expect(last(r.out)).toMatchObject({ deckId, format: 'pdf', out: pdf });
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses an unknown format, a missing --out, and a bundle that is not one, leaving nothing behind', async () => {
    const imported = last((await huibao('import', SAMPLE, '--json')).out);
    const deckId = imported.deckId as string;
    const docx = await huibao('export', deckId, '--format', 'docx', '--out', join(cli.dir, 'x.docx'));
    expect(docx.code).toBe(2);
    expect(docx.err.join('\n')).toContain('--format must be one of pptx, huibao, pdf, html');
    expect(existsSync(join(cli.dir, 'x.docx'))).toBe(false);
    expect((await huibao('export', deckId, '--format', 'pptx')).code).toBe(2);
    const missing = await huibao('export', 'nope', '--format', 'pptx', '--out', join(cli.dir, 'y.pptx'));
    expect(missing.code).toBe(1);
    expect(existsSync(join(cli.dir, 'y.pptx'))).toBe(false);

    const fake = join(cli.dir, 'fake.huibao');
    writeFileSync(fake, 'not a zip');
    const bad = await huibao('open-bundle', fake, '--json');
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toMatch(/cannot be opened: it is not a zip file/);
    expect(last(bad.out)).toMatchObject({ error: { code: 'BUNDLE_INVALID' } });
    expect((last((await huibao('decks', '--json')).out).decks as unknown[]).length).toBe(1);
  });

  it('lists the new commands in --help', async () => {
    const help = (await huibao('--help')).out.join('\n');
    expect(help).toContain('huibao export DECK_ID --format pdf|pptx|html|huibao --out FILE [--notes]');
    expect(help).toContain('huibao open-bundle FILE');
  });
});
