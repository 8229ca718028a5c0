// The show's lean client: the host's answers unwrapped without the contract's schemas, the deck checked cheaply,
// errors turned into ApiErrors as the checked client does.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../decks/common/apiError.ts';

type Call = (method: string, args: unknown) => Promise<unknown>;
let host: Call = async () => undefined;
// The preload's bridge, answering as each test says (the client reads it once, as a page does).
(globalThis as unknown as { window: unknown }).window = { huibao: { call: (m: string, a: unknown) => host(m, a) } };
const { showApi } = await import('../../../../renderer/src/api/showApi.ts');

async function clientWith(call: Call) {
  host = call;
  return showApi();
}

afterEach(() => {
  host = async () => undefined;
});

const deck = { id: 'd1', title: '汇报', theme: 'official', slides: [{ id: 's1', blocks: [] }], figures: [], assets: [] };

describe('showApi', () => {
  it('hands the deck over as the host sent it, and passes the arguments through', async () => {
    const calls: [string, unknown][] = [];
    const api = await clientWith(async (m, a) => {
      calls.push([m, a]);
      return { ok: true, result: deck };
    });
    expect(await api.getDeck({ deckId: 'd1' })).toEqual(deck);
    expect(calls).toEqual([['getDeck', { deckId: 'd1' }]]);
  });

  it('refuses a deck without its slides, figures or assets with a clear error', async () => {
    for (const bad of [null, 'deck', { ...deck, slides: undefined }, { ...deck, figures: {} }, { ...deck, slides: [{ id: 's1' }] }, { ...deck, theme: 3 }]) {
      const api = await clientWith(async () => ({ ok: true, result: bad }));
      const err = await api.getDeck({ deckId: 'd1' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('INTERNAL');
      expect((err as ApiError).zh).toBe('主机返回的演示文稿无效');
    }
  });

  it("turns the host's error into an ApiError, and a malformed one into INTERNAL", async () => {
    const api = await clientWith(async () => ({ ok: false, error: { code: 'NOT_FOUND', message: { zh: '找不到', en: 'Not found' } } }));
    await expect(api.getDeck({ deckId: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND', zh: '找不到', en: 'Not found' });
    const odd = await clientWith(async () => ({ ok: false, error: { code: 'NO_SUCH_CODE', message: 'x' } }));
    await expect(odd.getDeck({ deckId: 'x' })).rejects.toMatchObject({ code: 'INTERNAL' });
    const none = await clientWith(async () => undefined);
    await expect(none.getDeck({ deckId: 'x' })).rejects.toMatchObject({ code: 'INTERNAL', en: 'The host returned an invalid response' });
  });
});
