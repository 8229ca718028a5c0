// 定稿 in the files: an approved, unchanged deck's exports carry the sign-off (PDF properties and the handout's last
// page, PPTX core properties, the .huibao manifest, the HTML's deck); a deck changed since, or never approved, carries none.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { approvalRecord } from '../../../decks/common/approval.ts';
import { EXPORT_PAYLOAD_ELEMENT_ID } from '../../../decks/common/exportPage.ts';
import { withPdfInfo } from '../../../decks/node/export/pdf.ts';
import { readPdf } from './pdfText.ts';
import { useSampleService } from './sampleService.ts';

const t = useSampleService('huibao-approval-exports-');

async function exported(deckId: string, format: 'pdf' | 'pptx' | 'huibao' | 'html', notes = false): Promise<Uint8Array> {
  const r = await t.service.exportDeck({ deckId, format, ...(notes ? { notes } : {}) });
  return new Uint8Array(Buffer.from(r.dataBase64, 'base64'));
}

/** The PDF's document properties as the last trailer's Info dictionary has them (hex UTF-16 strings decoded). */
function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const text = Buffer.from(pdf).toString('latin1');
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const id = /\/Info\s+(\d+)\s+0\s+R/.exec(trailer)?.[1];
  const at = text.lastIndexOf(`\n${id} 0 obj`);
  const dict = text.slice(at, text.indexOf('endobj', at));
  const out: Record<string, string> = {};
  for (const m of dict.matchAll(/\/(\w+)\s*<FEFF([0-9A-F]*)>/g)) out[m[1]!] = Buffer.from(m[2]!, 'hex').swap16().toString('utf16le');
  return out;
}

const coreXml = (pptx: Uint8Array) => strFromU8(unzipSync(pptx)['docProps/core.xml']!);

describe('exports of a signed-off deck', () => {
  it('carry the sign-off while the deck is unchanged, and not after an edit', { timeout: 120_000 }, async () => {
    const deckId = await t.importSample();
    expect(coreXml(await exported(deckId, 'pptx'))).not.toContain('contentStatus');

    const a = await t.service.approveDeck({ deckId, approver: '办公室 王主任' });
    const record = approvalRecord(a);
    expect(record).toContain('办公室 王主任');
    expect(record).toContain(a.sha256);
    expect(record).toContain('不是密码学签名');

    const core = coreXml(await exported(deckId, 'pptx'));
    expect(core).toContain('<cp:contentStatus>定稿</cp:contentStatus>');
    expect(core).toContain(`<dc:description>${record}</dc:description>`);

    const manifest = JSON.parse(strFromU8(unzipSync(await exported(deckId, 'huibao'))['manifest.json']!));
    expect(manifest.approval).toEqual({ approver: a.approver, approvedAt: a.approvedAt, sha256: a.sha256 });

    const html = strFromU8(await exported(deckId, 'html'));
    const payload = JSON.parse(new RegExp(`<script type="application/json" id="${EXPORT_PAYLOAD_ELEMENT_ID}">(.*?)</script>`, 's').exec(html)![1]!);
    expect(payload.deck.approval).toMatchObject({ approver: a.approver, sha256: a.sha256, current: true });

    const handout = await exported(deckId, 'pdf', true);
    expect(pdfInfo(handout)).toMatchObject({ Subject: record, Keywords: `定稿 SHA-256:${a.sha256}` });
    const pages = readPdf(handout);
    // The record on the last page only (the hash is long: it may wrap, so its start is looked for).
    expect(pages.at(-1)!.text.replace(/\s+/g, '')).toContain(`定稿：办公室王主任`);
    expect(pages.at(-1)!.text.replace(/\s+/g, '')).toContain(a.sha256.slice(0, 16));
    expect(pages.slice(0, -1).some((p) => p.text.includes('不是密码学签名'))).toBe(false);

    // One word changed: no file claims the sign-off any more.
    const deck = await t.service.getDeck({ deckId });
    const s = deck.slides[1]!;
    await t.service.saveEdits({ deckId, slides: [{ id: s.id, layout: s.layout, title: `${s.title}改`, blocks: s.blocks, notes: s.notes, hidden: s.hidden }] });
    expect(coreXml(await exported(deckId, 'pptx'))).not.toContain('contentStatus');
    expect(JSON.parse(strFromU8(unzipSync(await exported(deckId, 'huibao'))['manifest.json']!)).approval).toBeUndefined();
    const slidesPdf = await exported(deckId, 'pdf');
    expect(pdfInfo(slidesPdf).Subject).toBeUndefined();
  });

  it('writes PDF properties as an incremental update that leaves the printed bytes as they are', () => {
    const body = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Size 2\n/Root 1 0 R>>\nstartxref\n45\n%%EOF\n';
    const pdf = new Uint8Array(Buffer.from(body, 'latin1'));
    const out = withPdfInfo(pdf, { title: '汇报', subject: '定稿：王主任', keywords: 'k' });
    expect(Buffer.from(out.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
    const tail = Buffer.from(out.subarray(pdf.length)).toString('latin1');
    expect(tail).toMatch(/^2 0 obj\n<< \/Title <FEFF6C4762A5> \/Subject <FEFF5B9A7A3FFF1A738B4E3B4EFB> /);
    expect(tail).toMatch(/trailer\n<< \/Size 3 \/Root 1 0 R \/Info 2 0 R \/Prev 45 >>\nstartxref\n(\d+)\n%%EOF\n$/);
    const xref = Number(/startxref\n(\d+)/.exec(tail)![1]);
    expect(Buffer.from(out).toString('latin1').slice(xref, xref + 4)).toBe('xref');
    expect(pdfInfo(out)).toMatchObject({ Title: '汇报', Subject: '定稿：王主任' });
    // A trailer it does not know (a cross-reference stream): the file comes back as it was.
    const stream = new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /XRef >>\nendobj\nstartxref\n9\n%%EOF\n', 'latin1'));
    expect(withPdfInfo(stream, { title: 'x', subject: 'y', keywords: 'z' })).toBe(stream);
  });
});
