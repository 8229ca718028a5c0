// A DeckApi stand-in for testing the hosts' guards (not the service): listDecks answers, getDeck says NOT_FOUND,
// and every call is recorded so a test can prove a refused request never reached the API.
import { ApiError, METHOD_NAMES, type DeckApi, type MethodName } from '../../../decks/common/api.ts';

export function fakeDeckApi(): { api: DeckApi; calls: { name: MethodName; args: unknown }[] } {
  const calls: { name: MethodName; args: unknown }[] = [];
  const api = {} as Record<MethodName, (args: unknown) => Promise<unknown>>;
  for (const name of METHOD_NAMES) {
    api[name] = async (args) => {
      calls.push({ name, args });
      if (name === 'listDecks') {
        return { decks: [{ id: 'deck1', title: '上虞青年城', theme: 'official', slides: 3, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', deletedAt: null }] };
      }
      if (name === 'getDeck') throw new ApiError('NOT_FOUND', `找不到演示文稿 "${(args as { deckId: string }).deckId}"`, `deck "${(args as { deckId: string }).deckId}" not found`);
      throw new ApiError('INTERNAL', '测试中未实现', 'not part of this fake');
    };
  }
  return { api: api as unknown as DeckApi, calls };
}
