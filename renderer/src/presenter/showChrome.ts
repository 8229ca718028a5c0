// Shared by the presenter and the exported player: the pointer toolbar and hints, and late fitting of slides.
import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { scheduleFit } from '../slides/fitText.ts';

/** Whether the toolbar and hints show: on arrival and on mouse movement, fading away after a few seconds. */
export function usePointerChrome(): boolean {
  const [chrome, setChrome] = useState(true);
  useEffect(() => {
    let timer = window.setTimeout(() => setChrome(false), 4000);
    const wake = () => {
      setChrome(true);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setChrome(false), 2500);
    };
    window.addEventListener('mousemove', wake);
    return () => {
      window.removeEventListener('mousemove', wake);
      window.clearTimeout(timer);
    };
  }, []);
  return chrome;
}

/**
 * A slide rendered before reveal.js displayed its section could not be measured then: fit it now. (Slides mounted
 * later are fitted on mounting, after reveal.js has displayed them; they are not fitted twice.)
 */
export function useFitUnmeasured(page: RefObject<HTMLElement | null>, ready: boolean, position: number, overview: boolean): void {
  useLayoutEffect(() => {
    if (!ready || !page.current) return;
    for (const slide of page.current.querySelectorAll<HTMLElement>('.reveal .slides > section .hb-slide:not([data-fit])')) scheduleFit(slide);
  }, [page, ready, position, overview]);
}
