// What the screen loads for each picture a deck's slides show: its display copy when it has one.
import { describe, expect, it } from 'vitest';
import type { Asset, Block, Slide } from '../../../../decks/common/model.ts';
import { shownAssetIds } from '../../../../renderer/src/slides/pictureUrls.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const slide = (id: string, layout: Slide['layout'], blocks: Block[]): Slide => ({ id, layout, title: id, blocks, notes: '', hidden: false, section: null });

describe('what the screen loads for a picture', () => {
  it('is its display copy when it has one, for the pictures the slides show only', () => {
    const asset = (id: string, displayId: string | null): Asset => ({ id, mime: 'image/jpeg', caption: '', credit: '', bytes: 1, displayId });
    const C = 'c'.repeat(64);
    const slides = [slide('s', 'image', [{ kind: 'image', assetId: A, caption: '', credit: '' }, { kind: 'image', assetId: B, caption: '', credit: '' }, { kind: 'image', assetId: null, caption: '', credit: '' }])];
    const shown = shownAssetIds([asset(A, C), asset(C, null), asset(B, null), asset('d'.repeat(64), null)], slides);
    expect([...shown]).toEqual([
      [A, C],
      [B, B],
    ]);
  });
});
