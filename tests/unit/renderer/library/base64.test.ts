import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../../../renderer/src/library/base64.ts';

describe('bytesToBase64', () => {
  it('matches Node for text, binary and large inputs (several chunks)', () => {
    const samples = [new Uint8Array(), new TextEncoder().encode('上虞区“青春之城”'), Uint8Array.from({ length: 256 }, (_, i) => i), Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) % 256)];
    for (const bytes of samples) expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
