// Where a show ended, for the editor to open on that slide. Kept in the tab's sessionStorage rather than in memory:
// a show may run in the show's own page (present.html), and the editor is then loaded anew when it ends.
const key = (deckId: string) => `huibao.showEnded.${deckId}`;

export function rememberShowEnd(deckId: string, slideId: string): void {
  try {
    window.sessionStorage.setItem(key(deckId), slideId);
  } catch {
    // No storage (a locked-down browser): the editor opens on the slide it showed before.
  }
}

/** The slide the last show of the deck ended on, once: reading it forgets it. */
export function takeShowEnd(deckId: string): string | null {
  try {
    const slideId = window.sessionStorage.getItem(key(deckId));
    window.sessionStorage.removeItem(key(deckId));
    return slideId;
  } catch {
    return null;
  }
}
