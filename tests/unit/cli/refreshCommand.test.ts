// `huibao refresh` and `huibao approve`, run in-process through main() on a temp database.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { lastJson, useInProcessCli } from './inProcessCli.ts';
import { revisedSampleText, SAMPLE_TEXT } from '../../fixtures/revisedSample.ts';

const cli = useInProcessCli('huibao-cli-refresh-');
const huibao = cli.huibao;
const last = lastJson;
let deckId: string;
let revised: string;
beforeEach(async () => {
  const sample = join(cli.dir, 'shangyu.txt');
  writeFileSync(sample, SAMPLE_TEXT);
  revised = join(cli.dir, '上虞-修订稿.txt');
  writeFileSync(revised, revisedSampleText());
  deckId = last((await huibao('import', sample, '--json')).out).deckId as string;
});
const figureValue = async (label: string) => ((last((await huibao('show', deckId, '--json')).out).figures as { label: string; value: number }[]).find((f) => f.label === label)!.value);

describe('huibao refresh', () => {
  it('lists the review without writing, then applies it with --apply', async () => {
    const text = await huibao('refresh', deckId, revised);
    expect(text.code).toBe(0);
    const out = text.out.join('\n');
    expect(out).toContain('Figures changed · 数字有变化 (3):');
    expect(out).toContain('地区生产总值增长: 5.5% → 5.8%');
    expect(out).toContain('经济总量: 2500亿元 → 2600亿元');
    expect(out).toContain('New paragraphs · 新增的段落 (1):');
    expect(out).toMatch(/Removed captions · 删除的图片说明 \(1\):\n {2}\(by hand · 需人工处理\) 南丰社区/);
    expect(out).toContain('--apply');
    expect(await figureValue('地区生产总值增长')).toBe(5.5);

    const json = await huibao('refresh', deckId, revised, '--json', '--apply');
    expect(json.code).toBe(0);
    const r = last(json.out) as { applied: number; keptAs: { label: string }; review: { items: unknown[] } };
    expect(r.applied).toBe(4);
    expect(r.keptAs.label).toBe('用新版报告更新前（上虞-修订稿.txt）');
    expect(r.review.items).toHaveLength(5);
    expect(await figureValue('地区生产总值增长')).toBe(5.8);
    expect(await figureValue('全国百强区排名')).toBe(31);

    // Applied in full, the revised report is the deck's report: the same file again finds nothing.
    expect((await huibao('refresh', deckId, revised)).out.join('\n')).toContain('no changes');
  });

  it('shows a hand-set figure as a conflict, and says what is wrong with how it was called', async () => {
    const key = ((last((await huibao('show', deckId, '--json')).out).figures as { key: string; value: number }[]).find((f) => f.value === 5.5)!).key;
    await huibao('figure', 'set', deckId, key, '5.6');
    expect((await huibao('refresh', deckId, revised)).out.join('\n')).toContain('地区生产总值增长: CONFLICT · 冲突 — imported 5.5%, by hand 5.6%, revised 5.8%');
    expect((await huibao('refresh', deckId)).code).toBe(2);
    const missing = await huibao('refresh', deckId, join(cli.dir, 'nope.txt'));
    expect(missing.code).toBe(1);
  });
});

describe('huibao approve', () => {
  it('signs a deck off with a name and says what the record is', async () => {
    const text = await huibao('approve', deckId, '--by', '王主任');
    expect(text.code).toBe(0);
    expect(text.out.join('\n')).toMatch(/Signed off by 王主任 .*\nSHA-256 [0-9a-f]{64}\n.*not a cryptographic signature/);
    const json = last((await huibao('approve', deckId, '--by', '李科长', '--json')).out);
    expect(json).toMatchObject({ deckId, approver: '李科长', current: true });
    expect((await huibao('approve', deckId)).code).toBe(2);
  });
});

describe('huibao open-bundle of a signed-off deck', () => {
  it('says whether the content still matches the sign-off', async () => {
    await huibao('approve', deckId, '--by', '王主任');
    const file = join(cli.dir, 'signed.huibao');
    expect((await huibao('export', deckId, '--format', 'huibao', '--out', file)).code).toBe(0);
    expect((await huibao('open-bundle', file)).out.join('\n')).toMatch(/Signed off by 王主任 .*the content still matches/);
    const json = last((await huibao('open-bundle', file, '--json')).out);
    expect(json.approval).toMatchObject({ approver: '王主任', current: true });
  });
});
