// The show's DeckApi (the audience view and the console): the host's answers as they come. Each host checks every
// result against the contract on its way out (dispatch in decks/common/api.ts), so the show, which must open fast,
// does not load zod and every method's schema to check them a second time. It makes only a cheap check of the deck
// it is about to draw, so a host of the wrong version fails with a clear error rather than a blank screen.
import type { DeckApi, Envelope, MethodName } from '../../../decks/common/api.ts';
import { ApiError, ERROR_CODES, type ApiErrorShape } from '../../../decks/common/apiError.ts';
import type { Deck } from '../../../decks/common/model.ts';
import { hostTransport } from './hostTransport.ts';

function errorOf(env: { error?: unknown }): ApiError {
  const e = env.error as Partial<ApiErrorShape> | undefined;
  const known = typeof e?.code === 'string' && (ERROR_CODES as readonly string[]).includes(e.code);
  if (known && typeof e.message?.zh === 'string' && typeof e.message.en === 'string') return ApiError.from(e as ApiErrorShape);
  return new ApiError('INTERNAL', '主机返回了无效错误', 'The host returned an invalid error');
}

const invalidDeck = () => new ApiError('INTERNAL', '主机返回的演示文稿无效', 'The host returned an invalid deck');

/** The few fields the show reads before anything else: present, of the right kind. */
export function checkShowDeck(value: unknown): Deck {
  const d = value as Partial<Deck> | null;
  if (!d || typeof d !== 'object' || typeof d.id !== 'string' || typeof d.title !== 'string' || typeof d.theme !== 'string') throw invalidDeck();
  if (!Array.isArray(d.slides) || !Array.isArray(d.figures) || !Array.isArray(d.assets)) throw invalidDeck();
  if (!d.slides.every((s) => s && typeof s.id === 'string' && Array.isArray(s.blocks))) throw invalidDeck();
  return d as Deck;
}

let api: DeckApi | null = null;

export function showApi(): DeckApi {
  if (api) return api;
  const transport = hostTransport();
  const call = async (name: MethodName, args: unknown): Promise<unknown> => {
    const env = (await transport(name, args ?? {})) as Envelope | null;
    if (!env || typeof env !== 'object') throw new ApiError('INTERNAL', '主机返回了无效响应', 'The host returned an invalid response');
    if (!env.ok) throw errorOf(env);
    return name === 'getDeck' ? checkShowDeck(env.result) : env.result;
  };
  // Every method by name; not `then`, so awaiting the client itself does not take it for a promise.
  api = new Proxy({} as DeckApi, { get: (_, name) => (typeof name === 'string' && name !== 'then' ? (args: unknown) => call(name as MethodName, args) : undefined) });
  return api;
}
