// The pre-flight check (放映前检查): everything to look at before a deck is presented or exported, found from the
// deck as it is. Pure, so the service (for the editor and `huibao check`) and the benchmarks run the same code.
import type { FindingFix, FindingKind, PreflightFinding, Severity } from './api.ts';
import { missingPictures } from './audience.ts';
import { checkConsistency } from './consistency.ts';
import { figureUsage, figuresOfSlide } from './deckOps.ts';
import { formatFigure } from './figures.ts';
import type { Deck, Figure, Slide } from './model.ts';

/** A figure as a named version kept it: enough to say what changed since. */
export type VersionFigure = Pick<Figure, 'key' | 'label' | 'value' | 'pattern' | 'decimals' | 'grouped' | 'qualifier' | 'unit'>;

export interface PreflightInput {
  deck: Pick<Deck, 'slides' | 'figures' | 'assets' | 'warnings'>;
  /** The last named version, when there is one. */
  lastNamed: { label: string; figures: readonly VersionFigure[] } | null;
  /** The slides the renderer measured as overflowing; null when nothing was measured. */
  overflowing: ReadonlySet<string> | null;
  /** The ids of the findings the deck's staff dismissed. */
  dismissed: ReadonlySet<string>;
}

const SEVERITY_ORDER: Record<Severity, number> = { block: 0, warn: 1, info: 2 };
/** Slides whose notes nobody expects: the cover, section dividers, the closing. */
const NO_NOTES_EXPECTED: ReadonlySet<Slide['layout']> = new Set(['title', 'section', 'closing', 'agenda']);

export function preflight({ deck, lastNamed, overflowing, dismissed }: PreflightInput): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  const order = new Map(deck.slides.map((s, i) => [s.id, i]));
  const usage = figureUsage(deck.slides as Slide[]);
  const figures = new Map(deck.figures.map((f) => [f.key, f]));
  const add = (
    kind: FindingKind,
    severity: Severity,
    id: string,
    message: { zh: string; en: string },
    at: { slideId?: string | null; figureKey?: string | null; places?: PreflightFinding['places']; fixes?: FindingFix[] },
  ) => {
    const full = `${kind}:${id}`;
    out.push({
      id: full,
      kind,
      severity,
      message,
      slideId: at.slideId ?? null,
      figureKey: at.figureKey ?? null,
      places: at.places ?? [],
      fixes: at.fixes ?? [],
      dismissed: dismissed.has(full),
    });
  };

  for (const slide of deck.slides) {
    if (slide.hidden) {
      // The audience never sees it: what is wrong on it does not block, but staff should know it is left out.
      add('hidden', 'info', slide.id, { zh: '此幻灯片已隐藏，放映和导出时不出现。', en: 'This slide is hidden: the show and the exports leave it out.' }, { slideId: slide.id });
      continue;
    }
    const keys = figuresOfSlide(slide);
    for (const key of keys) {
      if (figures.has(key)) continue;
      add('broken-ref', 'block', `${slide.id}:${key}`, {
        zh: `引用的数据“${key}”已不存在，放映时显示为 [?]。`,
        en: `The figure “${key}” this slide refers to no longer exists; the show would read [?].`,
      }, { slideId: slide.id, fixes: ['hide'] });
    }
    if (overflowing?.has(slide.id)) {
      add('overflow', 'block', slide.id, {
        zh: '文字放不下这张幻灯片：放映时会被截断。请删减文字或拆成两页。',
        en: 'The text does not fit this slide and would be cut off in the show. Shorten it or split the slide.',
      }, { slideId: slide.id, fixes: ['hide'] });
    }
    if (!NO_NOTES_EXPECTED.has(slide.layout) && slide.notes.trim() === '') {
      add('no-notes', 'info', slide.id, { zh: '此幻灯片没有演讲备注。', en: 'This slide has no speaker notes.' }, { slideId: slide.id });
    }
  }

  for (const c of checkConsistency(deck)) {
    const first = c.places[0];
    add('consistency', c.severity, c.id, c.message, {
      slideId: c.places.find((p) => p.slideId)?.slideId ?? null,
      figureKey: first?.figureKey ?? null,
      places: c.places,
    });
  }

  const pictures = new Set(deck.assets.map((a) => a.id));
  for (const { slide, count } of missingPictures(deck.slides.filter((s) => !s.hidden) as Slide[], pictures)) {
    const block = slide.blocks.find((b) => b.kind === 'image' && (b.assetId === null || !pictures.has(b.assetId)));
    const caption = block?.kind === 'image' && block.caption ? `（${block.caption}）` : '';
    add('missing-photo', 'warn', slide.id, {
      zh: `缺少 ${count} 张照片${caption}：放映和导出时略去。`,
      en: `${count} photo${count > 1 ? 's' : ''} missing${caption}: left out of the show and the exports.`,
    }, { slideId: slide.id, fixes: ['picture', 'hide'] });
  }

  for (const f of deck.figures) {
    const shownOn = usage.get(f.key)?.[0];
    if (shownOn === undefined || f.confirmedAt) continue;
    add('unconfirmed', 'warn', f.key, {
      zh: `“${f.label}” ${f.display}：导入后尚未经人核对确认。`,
      en: `“${f.label}” ${f.display}: imported and not yet confirmed by a person.`,
    }, { slideId: shownOn, figureKey: f.key, fixes: ['confirm'] });
  }

  if (lastNamed) {
    const then = new Map(lastNamed.figures.map((f) => [f.key, f]));
    for (const f of deck.figures) {
      const before = then.get(f.key);
      if (!before || (before.value === f.value && before.unit === f.unit && before.label === f.label)) continue;
      const was = formatFigure(before);
      add('figure-changed', 'warn', `${f.key}:${f.value}:${f.label}`, {
        zh: `“${f.label}”自版本“${lastNamed.label}”以来已改动：${was} → ${f.display}。`,
        en: `“${f.label}” changed since the version “${lastNamed.label}”: ${was} → ${f.display}.`,
      }, { slideId: usage.get(f.key)?.[0] ?? null, figureKey: f.key, fixes: ['confirm'] });
    }
  }

  for (const w of deck.warnings) {
    add('import-warning', 'warn', w.id, w.message, {
      slideId: w.slideId,
      places: w.excerpt ? [{ slideId: w.slideId, figureKey: null, sentence: w.excerpt }] : [],
    });
    // An import warning's dismissal is the warning's own (shown in the 提示 panel too).
    if (w.dismissed) out[out.length - 1]!.dismissed = true;
  }

  const at = (f: PreflightFinding) => (f.slideId !== null ? (order.get(f.slideId) ?? Infinity) : Infinity);
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || at(a) - at(b));
}

/** Findings that block: severity `block`, not dismissed. */
export function blockingCount(findings: readonly PreflightFinding[]): number {
  return findings.filter((f) => f.severity === 'block' && !f.dismissed).length;
}

/** Findings worth offering before a show or an export: any not dismissed that is more than information. */
export function worthOffering(findings: readonly PreflightFinding[]): PreflightFinding[] {
  return findings.filter((f) => !f.dismissed && f.severity !== 'info');
}
