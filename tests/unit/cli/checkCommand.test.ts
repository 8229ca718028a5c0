// `huibao check`, run in-process through main() on a temp database: exit 1 while something blocks, 0 once it is dealt with.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../decks/node/cli.ts';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-cli-check-'));
  db = join(dir, 'huibao.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function huibao(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args, '--db', db], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}
const last = (lines: string[]) => JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;

describe('huibao check', () => {
  it('lists the findings, most serious first, and exits 1 while one blocks', async () => {
    const file = join(dir, 'report.txt');
    writeFileSync(file, '城区工作汇报\n\n一、经济\n全年地区生产总值增长5.5%。\n\n二、民生\n地区生产总值增长5.8%。新增城镇就业1.2万人。\n');
    const deckId = last((await huibao('import', file, '--json')).out).deckId as string;

    const text = await huibao('check', deckId);
    expect(text.code).toBe(1);
    expect(text.out.join('\n')).toMatch(/^BLOCK slide \d+ +“地区生产总值增长”一处是 5\.5%，另一处是 5\.8%/m);
    expect(text.out.join('\n')).toContain('1 blocking');

    const json = await huibao('check', deckId, '--json');
    expect(json.code).toBe(1);
    const result = last(json.out) as { deckId: string; blocking: number; findings: { id: string; kind: string; severity: string; figureKey: string | null }[] };
    expect(result).toMatchObject({ deckId, blocking: 1 });
    expect(result.findings[0]).toMatchObject({ kind: 'consistency', severity: 'block' });
    expect(result.findings.some((f) => f.kind === 'unconfirmed')).toBe(true);

    // Correcting the figure (huibao figure set) clears the block: exit 0, and the rest is still listed.
    const second = result.findings[0]!;
    const other = (last((await huibao('show', deckId, '--json')).out).figures as { key: string; value: number }[]).find((f) => f.value === 5.8)!;
    expect(other.key).not.toBe(second.figureKey);
    expect((await huibao('figure', 'set', deckId, other.key, '5.5')).code).toBe(0);
    const clean = await huibao('check', deckId);
    expect(clean.code).toBe(0);
    expect(clean.out.join('\n')).toContain('0 blocking');
    expect(clean.out.join('\n')).toContain('ready to present');
  });

  it('says what is wrong with how it was called', async () => {
    expect((await huibao('check')).code).toBe(2);
    const missing = await huibao('check', 'no-such-deck');
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toContain('No such deck');
  });
});
