// Import: a report made into a new deck (its warnings kept and dismissable), and a .huibao bundle opened as a new deck.
import { z } from 'zod';
import { ApiError, type Result } from '../../common/api.ts';
import { newId } from '../../common/ids.ts';
import { Deck, ImportWarning, LIMITS } from '../../common/model.ts';
import { preflight } from '../../common/preflight.ts';
import { readBundle } from '../export/bundle.ts';
import { generateDeck } from '../generate/index.ts';
import { decodeReport, parseReport, type DecodedReport } from '../report/index.ts';
import { SlideContent, StoredFigure } from '../store/index.ts';
import { decodeBase64, notFound, type Methods, type Parsed, type ServiceContext } from './context.ts';
import { titleOfCopy } from './decks.ts';
import { approvalOf } from './approval.ts';

/** What the generator must hand over; checked before anything is stored, so a generator bug cannot store bad data. */
const GeneratedContent = z.object({
  title: Deck.shape.title,
  subtitle: Deck.shape.subtitle,
  slides: z.array(SlideContent).max(LIMITS.slidesPerDeck),
  figures: z.array(StoredFigure.omit({ updatedAt: true })).max(LIMITS.figuresPerDeck),
  warnings: z.array(ImportWarning),
});

export function importMethods(ctx: ServiceContext): Methods<'importReport' | 'dismissWarning' | 'openBundle'> & {
  importDecodedReport(d: DecodedReport, title?: string): Promise<Result<'importReport'>>;
} {
  const { store, now, requireDeck } = ctx;

  async function importDecodedReport(d: DecodedReport, title?: string): Promise<Result<'importReport'>> {
    const deck = generateDeck(parseReport(d), title ? { title } : undefined);
    // A report can be valid text and still make more than a deck may hold: say so plainly, not as an internal error.
    if (deck.slides.length > LIMITS.slidesPerDeck || deck.figures.length > LIMITS.figuresPerDeck) {
      throw new ApiError(
        'REPORT_TOO_LARGE',
        `报告内容过多：生成了 ${deck.slides.length} 张幻灯片、${deck.figures.length} 个数据（上限 ${LIMITS.slidesPerDeck} 张、${LIMITS.figuresPerDeck} 个）。请拆分报告后分别导入。`,
        `The report holds too much: it made ${deck.slides.length} slides and ${deck.figures.length} figures (at most ${LIMITS.slidesPerDeck} and ${LIMITS.figuresPerDeck}). Split the report and import the parts.`,
      );
    }
    const checked = GeneratedContent.safeParse(deck);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const where = `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`;
      throw new ApiError('INTERNAL', `内部错误：生成的演示稿无效（${where}）`, `Internal error: the generated deck is invalid (${where})`);
    }
    const generated = checked.data;
    const deckId = newId();
    const at = now();
    store.transaction(() => {
      const reportId = newId();
      store.reports.insert({
        id: reportId,
        fileName: d.fileName,
        encoding: d.encoding,
        format: d.format,
        sha256: d.sha256,
        text: d.text,
        warnings: generated.warnings,
        importedAt: at,
      });
      const figures = generated.figures.map((f) => ({ ...f, updatedAt: at }));
      ctx.insertDeck({ id: deckId, title: generated.title, subtitle: generated.subtitle, theme: 'official', reportId }, generated.slides, figures);
    });
    const consistency = preflight({ deck: ctx.loadDeck(deckId), lastNamed: null, overflowing: null, dismissed: new Set() }).filter((f) => f.kind === 'consistency');
    return { deckId, slides: generated.slides.length, figures: generated.figures.length, warnings: generated.warnings, consistency };
  }

  return {
    importDecodedReport,

    async importReport(args: Parsed<'importReport'>) {
      const decoded = await decodeReport(decodeBase64(args.dataBase64), args.fileName);
      return importDecodedReport(decoded, args.title || undefined);
    },

    dismissWarning({ deckId, warningId }) {
      const row = requireDeck(deckId);
      const known = row.reportId !== null && store.reports.warnings(row.reportId).some((w) => w.id === warningId);
      if (!known) throw notFound({ zh: '提示', en: 'warning' }, warningId);
      store.reports.dismiss(deckId, warningId);
      return { ok: true };
    },

    openBundle({ dataBase64 }) {
      // Everything is read and checked first; only a bundle that passed every check reaches the transaction.
      const { deck, assets, approval } = readBundle(decodeBase64(dataBase64));
      const deckId = newId();
      store.transaction(() => {
        ctx.insertDeck({ id: deckId, title: titleOfCopy(deck.title, ctx.takenTitles()), subtitle: deck.subtitle, theme: deck.theme, reportId: null }, deck.slides, deck.figures);
        store.figures.insertHistory(deckId, deck.figureHistory);
        for (const a of assets) store.assets.add(deckId, a.asset, a.bytes);
        for (const a of assets) if (a.asset.displayId) store.assets.setDisplay(deckId, a.asset.id, a.asset.displayId);
        // The sign-off goes with the deck; whether it still matches is worked out from the content, as for any deck.
        if (approval) store.approvals.set(deckId, approval);
      });
      return { deckId, slides: deck.slides.length, figures: deck.figures.length, approval: approvalOf(store, deckId) };
    },
  };
}
