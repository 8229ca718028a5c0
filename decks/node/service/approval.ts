// 定稿: signing a deck off as it is now, and whether its content is still what was approved.
import type { Approval } from '../../common/model.ts';
import { contentHash } from '../approval.ts';
import type { Store } from '../store/index.ts';
import type { Methods, ServiceContext } from './context.ts';

/** The label of the named version kept when a deck is signed off. */
const APPROVED_LABEL = (approver: string) => `定稿（${approver}）`;

/** The SHA-256 of a deck's content as stored now (see approval.ts for what it covers); the deck must exist. */
export function storedContentHash(store: Store, deckId: string): string {
  return contentHash({
    theme: store.decks.get(deckId)!.theme,
    slides: store.slides.list(deckId),
    figures: store.figures.list(deckId),
    assets: store.assets.list(deckId),
  });
}

/** The deck's last sign-off and whether its content still matches, or null when it was never signed off. */
export function approvalOf(store: Store, deckId: string): Approval | null {
  const row = store.approvals.get(deckId);
  if (!row) return null;
  return { ...row, current: storedContentHash(store, deckId) === row.sha256 };
}

export function approvalMethods(ctx: ServiceContext): Methods<'approveDeck'> {
  const { store, now } = ctx;
  return {
    approveDeck({ deckId, approver }) {
      return store.transaction(() => {
        ctx.requireDeck(deckId);
        const approval = { approver, approvedAt: now(), sha256: storedContentHash(store, deckId) };
        store.approvals.set(deckId, approval);
        // The approved state is kept as a named version too: it can be looked at and restored later.
        ctx.saveSnapshot(deckId, APPROVED_LABEL(approver), false);
        return { ...approval, current: true };
      });
    },
  };
}
