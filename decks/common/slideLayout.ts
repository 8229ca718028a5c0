// How a slide's blocks are laid out, shared by every renderer of slides (SlideView on screen, the PPTX export),
// so the screen and the exported file group and number things the same way.
import type { Block } from './model.ts';

export type BlockGroup =
  | { kind: 'bullets'; items: Extract<Block, { kind: 'bullet' }>[] }
  | { kind: 'figures'; items: Extract<Block, { kind: 'figure' }>[] }
  | { kind: 'text'; block: Extract<Block, { kind: 'text' }> }
  | { kind: 'image'; block: Extract<Block, { kind: 'image' }> }
  | { kind: 'table'; block: Extract<Block, { kind: 'table' }> }
  | { kind: 'chart'; block: Extract<Block, { kind: 'chart' }> };

/** Consecutive bullets form one list and consecutive figures one row of callouts. */
export function groupBlocks(blocks: readonly Block[]): BlockGroup[] {
  const groups: BlockGroup[] = [];
  for (const b of blocks) {
    const last = groups[groups.length - 1];
    if (b.kind === 'bullet') {
      if (last?.kind === 'bullets') last.items.push(b);
      else groups.push({ kind: 'bullets', items: [b] });
    } else if (b.kind === 'figure') {
      if (last?.kind === 'figures') last.items.push(b);
      else groups.push({ kind: 'figures', items: [b] });
    } else if (b.kind === 'text') groups.push({ kind: 'text', block: b });
    else if (b.kind === 'table') groups.push({ kind: 'table', block: b });
    else if (b.kind === 'chart') groups.push({ kind: 'chart', block: b });
    else groups.push({ kind: 'image', block: b });
  }
  return groups;
}

/** How large a table's text is set: smaller as the table grows (screen and PPTX take the same step). */
export function tableSize(block: Extract<Block, { kind: 'table' }>): 'large' | 'medium' | 'small' {
  const rows = block.rows.length + 1;
  const cols = block.header.length;
  return rows <= 5 && cols <= 4 ? 'large' : rows <= 8 && cols <= 6 ? 'medium' : 'small';
}

const CJK_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Section numbers as reports write them: 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三; beyond 99 plain digits. */
export function chineseNumeral(n: number): string {
  if (n >= 0 && n <= 10) return CJK_NUMERALS[n]!;
  if (n > 10 && n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return (tens === 1 ? '' : CJK_NUMERALS[tens]!) + '十' + (ones === 0 ? '' : CJK_NUMERALS[ones]!);
  }
  return String(n);
}
