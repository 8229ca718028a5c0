// The pre-flight check through the service: every kind of finding on decks built here, with its severity, place and
// fixes; confirmations and dismissals stored; `blocking` counting what blocks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FindingKind, SlideContent } from '../../../decks/common/api.ts';
import type { Figure } from '../../../decks/common/model.ts';
import { createService, type DeckService } from '../../../decks/node/service.ts';

let dir: string;
let service: DeckService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-check-'));
  service = createService({ dbPath: join(dir, 'huibao.db') });
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

function figure(key: string, label: string, value: number, sentence: string): Figure {
  return {
    key, label, value, unit: '%', pattern: '{v}%', decimals: 1, grouped: false, qualifier: '', direction: '增长', asOf: null,
    source: { paragraph: 0, start: 0, end: 0, sentence }, display: `${value}%`, updatedAt: '2025-01-01T00:00:00.000Z',
  };
}
const slide = (id: string, over: Partial<SlideContent>): SlideContent => ({ id, layout: 'points', title: id, blocks: [], notes: '备注', hidden: false, ...over });
const bullet = (text: string) => ({ kind: 'bullet' as const, text, level: 0 });

/** A deck with one of each finding the service can find by itself (overflow comes from the renderer). */
async function faultyDeck() {
  const deck = await service.createDeck({ title: '检查' });
  await service.saveEdits({
    deckId: deck.id,
    newFigures: [figure('gdp1', '地区生产总值增长', 5.5, '全年地区生产总值增长5.5%。'), figure('gdp2', '地区生产总值增长（民生）', 5.8, '地区生产总值增长5.8%。')],
    slides: [
      slide('clean', { blocks: [bullet('全年地区生产总值增长{fig:gdp1}')] }),
      slide('other', { blocks: [bullet('增长{fig:gdp2}')] }),
      slide('broken', { blocks: [bullet('数据{fig:gone}')] }),
      slide('photo', { layout: 'image', blocks: [{ kind: 'image', assetId: null, caption: '新城鸟瞰', credit: '' }] }),
      slide('hidden', { hidden: true }),
      slide('quiet', { notes: '' }),
    ],
  });
  return deck.id;
}

const kindsOf = (findings: { kind: FindingKind; dismissed: boolean }[]) => [...new Set(findings.filter((f) => !f.dismissed).map((f) => f.kind))].sort();

describe('checkDeck', () => {
  it('finds broken references, consistency, missing photos, unconfirmed figures, hidden slides and slides without notes', async () => {
    const deckId = await faultyDeck();
    const { findings, blocking } = await service.checkDeck({ deckId });
    expect(kindsOf(findings)).toEqual(['broken-ref', 'consistency', 'hidden', 'missing-photo', 'no-notes', 'unconfirmed']);
    const one = (kind: FindingKind) => findings.find((f) => f.kind === kind)!;
    expect(one('broken-ref')).toMatchObject({ severity: 'block', slideId: 'broken', fixes: ['hide'] });
    expect(one('broken-ref').message.zh).toContain('gone');
    expect(one('consistency')).toMatchObject({ severity: 'block', slideId: 'clean', figureKey: 'gdp1' });
    expect(one('consistency').places.map((p) => [p.slideId, p.figureKey, p.sentence])).toEqual([
      ['clean', 'gdp1', '全年地区生产总值增长5.5%。'],
      ['other', 'gdp2', '地区生产总值增长5.8%。'],
    ]);
    expect(one('missing-photo')).toMatchObject({ severity: 'warn', slideId: 'photo', fixes: ['picture', 'hide'] });
    expect(one('missing-photo').message.zh).toContain('新城鸟瞰');
    expect(findings.filter((f) => f.kind === 'unconfirmed').map((f) => [f.figureKey, f.slideId, f.fixes])).toEqual([
      ['gdp1', 'clean', ['confirm']],
      ['gdp2', 'other', ['confirm']],
    ]);
    expect(one('hidden')).toMatchObject({ severity: 'info', slideId: 'hidden' });
    // The cover needs no notes; a content slide without them is listed.
    expect(findings.filter((f) => f.kind === 'no-notes').map((f) => f.slideId)).toEqual(['quiet']);
    // Blocking: the broken reference and the two values of one measure; severity first, then slide order.
    expect(blocking).toBe(2);
    expect(findings.map((f) => f.severity)).toEqual([...findings.map((f) => f.severity)].sort((a, b) => ['block', 'warn', 'info'].indexOf(a) - ['block', 'warn', 'info'].indexOf(b)));
  });

  it('lists the slides the renderer measured as overflowing, and says whether it measured', async () => {
    const deckId = await faultyDeck();
    expect((await service.checkDeck({ deckId })).findings.some((f) => f.kind === 'overflow')).toBe(false);
    // A hidden slide never reaches the audience: its overflow does not count.
    const measured = await service.checkDeck({ deckId, overflowing: ['quiet', 'hidden', 'not-a-slide'] });
    expect(measured.overflowMeasured).toBe(true);
    expect(measured.findings.filter((f) => f.kind === 'overflow').map((f) => [f.slideId, f.severity, f.fixes])).toEqual([['quiet', 'block', ['hide']]]);
  });

  it('lists figures changed since the last named version (not an automatic one), old → new', async () => {
    const deckId = await faultyDeck();
    await service.saveRevision({ deckId, label: '送审稿' });
    await service.saveEdits({ deckId, figures: [{ key: 'gdp2', value: '5.5' }] });
    await service.saveRevision({ deckId, label: 'auto', auto: true });
    const { findings } = await service.checkDeck({ deckId });
    const changed = findings.filter((f) => f.kind === 'figure-changed');
    expect(changed.map((f) => [f.figureKey, f.slideId])).toEqual([['gdp2', 'other']]);
    expect(changed[0]!.message.zh).toBe('“地区生产总值增长（民生）”自版本“送审稿”以来已改动：5.8% → 5.5%。');
    // The value typed by hand is confirmed, and the two values agree now.
    expect(findings.some((f) => f.kind === 'unconfirmed' && f.figureKey === 'gdp2')).toBe(false);
    expect(findings.some((f) => f.kind === 'consistency')).toBe(false);
    // A deck without a named version has nothing to compare with.
    const fresh = await faultyDeck();
    expect((await service.checkDeck({ deckId: fresh })).findings.some((f) => f.kind === 'figure-changed')).toBe(false);
  });

  it('confirms figures, stores dismissals (kept by a duplicate), and counts blocking findings without the dismissed', async () => {
    const deckId = await faultyDeck();
    await service.confirmFigures({ deckId, keys: ['gdp1', 'gdp2'] });
    let result = await service.checkDeck({ deckId });
    expect(result.findings.some((f) => f.kind === 'unconfirmed')).toBe(false);
    const broken = result.findings.find((f) => f.kind === 'broken-ref')!;
    await service.dismissFinding({ deckId, findingId: broken.id });
    result = await service.checkDeck({ deckId });
    expect(result.findings.find((f) => f.id === broken.id)!.dismissed).toBe(true);
    expect(result.blocking).toBe(1);
    const copy = await service.duplicateDeck({ deckId });
    expect((await service.checkDeck({ deckId: copy.id })).findings.find((f) => f.id === broken.id)!.dismissed).toBe(true);
    await service.confirmFigures({ deckId, keys: ['gdp1'], confirmed: false });
    expect((await service.checkDeck({ deckId })).findings.filter((f) => f.kind === 'unconfirmed').map((f) => f.figureKey)).toEqual(['gdp1']);
  });

  it('lists import warnings not dismissed, dismissed through the check as in the 提示 panel', async () => {
    const report = '城区工作汇报\n\n一、经济\n全年地区生产总值增长5.5%，一般公共预算收入12.6亿元。\n\n二、空的部分\n\n三、民生\n新增城镇就业1.2万人。\n';
    const { deckId, warnings } = await service.importReport({ fileName: 'r.txt', dataBase64: Buffer.from(report).toString('base64') });
    expect(warnings.length).toBeGreaterThan(0);
    const listed = (await service.checkDeck({ deckId })).findings.filter((f) => f.kind === 'import-warning');
    expect(listed.map((f) => f.id)).toEqual(warnings.map((w) => `import-warning:${w.id}`));
    expect(listed.every((f) => f.severity === 'warn' && !f.dismissed)).toBe(true);
    await service.dismissFinding({ deckId, findingId: listed[0]!.id });
    expect((await service.getDeck({ deckId })).warnings.find((w) => w.id === warnings[0]!.id)!.dismissed).toBe(true);
    expect((await service.checkDeck({ deckId })).findings.find((f) => f.id === listed[0]!.id)!.dismissed).toBe(true);
  });

  it('returns the consistency findings of a new deck with its import', async () => {
    const report = '城区工作汇报\n\n一、经济\n全年地区生产总值增长5.5%。\n综合实力位居全省第0位。\n\n二、民生\n地区生产总值增长5.8%。\n';
    const result = await service.importReport({ fileName: 'r.txt', dataBase64: Buffer.from(report).toString('base64') });
    expect(result.consistency.map((f) => f.kind)).toEqual(['consistency', 'consistency']);
    expect(result.consistency.map((f) => f.id.split(':')[1]).sort()).toEqual(['impossible-rank', 'value-mismatch']);
  });
});
