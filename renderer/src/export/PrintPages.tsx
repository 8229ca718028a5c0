// The deck laid out for printing, one page per shown slide: `#print` gives 1280×720 pages (the slide as presented),
// `#print-notes` the handout — A4 portrait, the slide scaled down with its speaker notes under it. Page sizes come
// from named @page rules in exportPage.css, so the printer only needs `preferCSSPageSize`.
import { useEffect, useMemo, useRef } from 'react';
import { approvalRecord } from '../../../decks/common/approval.ts';
import type { ExportPayload } from '../../../decks/common/exportPayload.ts';
import type { Theme } from '../../../decks/common/model.ts';
import { storedLang } from '../i18n/I18nProvider.tsx';
import { translate } from '../i18n/messages.ts';
import { shownSlides, type ShownSlide } from '../presenter/showSlides.ts';
import { useFitText } from '../slides/fitText.ts';
import { SlideFrame } from '../slides/SlideFrame.tsx';
import { figureMap, FigureText, SlideAssetsContext, SlideView, type FigureMap } from '../slides/SlideView.tsx';
import { markReady } from './ready.ts';

function PrintSlide({ entry, figures, theme, deckTitle }: { entry: ShownSlide; figures: FigureMap; theme: Theme; deckTitle: string }) {
  const box = useRef<HTMLDivElement>(null);
  useFitText(box);
  return (
    <div ref={box} className="print-slide">
      <SlideView slide={entry.slide} figures={figures} theme={theme} number={entry.number} deckTitle={deckTitle} sectionNumber={entry.sectionNumber} />
    </div>
  );
}

export function PrintPages({ payload, handout }: { payload: ExportPayload; handout: boolean }) {
  const { deck } = payload;
  const shown = useMemo(() => shownSlides(deck), [deck]);
  const figures = useMemo(() => figureMap(deck.figures), [deck]);
  const assets = useMemo(() => new Map(Object.entries(payload.assets)), [payload.assets]);
  const lang = useMemo(() => storedLang(), []);

  useEffect(() => {
    document.title = deck.title;
    document.documentElement.classList.add(handout ? 'print-handout' : 'print-slides');
    void markReady();
  }, [deck.title, handout]);

  return (
    <SlideAssetsContext.Provider value={assets}>
      {handout
        ? shown.map((entry) => (
            <article key={entry.slide.id} className="handout-page">
              <header className="handout-head">
                <span>{deck.title}</span>
                <span>{translate(lang, 'present.slideLabel', { n: entry.number, total: shown.length })}</span>
              </header>
              <SlideFrame className="handout-slide">
                <SlideView slide={entry.slide} figures={figures} theme={deck.theme} number={entry.number} deckTitle={deck.title} sectionNumber={entry.sectionNumber} />
              </SlideFrame>
              <h2 className="handout-notes-head">{translate(lang, 'present.notes')}</h2>
              {entry.slide.notes.trim() ? (
                <div className="handout-notes">
                  <FigureText text={entry.slide.notes} figures={figures} />
                </div>
              ) : (
                <p className="handout-notes export-muted">{translate(lang, 'present.noNotes')}</p>
              )}
              {entry === shown.at(-1) && deck.approval?.current && <p className="handout-approval">{approvalRecord(deck.approval)}</p>}
            </article>
          ))
        : shown.map((entry) => <PrintSlide key={entry.slide.id} entry={entry} figures={figures} theme={deck.theme} deckTitle={deck.title} />)}
    </SlideAssetsContext.Provider>
  );
}
