// Export: the deck as a PowerPoint, a .huibao bundle, a PDF or one HTML file.
import { picturesShown } from '../../common/audience.ts';
import type { Result } from '../../common/api.ts';
import type { Asset, Deck } from '../../common/model.ts';
import { BUNDLE_EXTENSION, BUNDLE_MIME, writeBundle, type BundleContent } from '../export/bundle.ts';
import { HTML_EXTENSION, HTML_MIME, writeHtml } from '../export/html.ts';
import { PDF_EXTENSION, PDF_MIME, printHtmlToPdf, withPdfInfo } from '../export/pdf.ts';
import { approvalRecord } from '../../common/approval.ts';
import { PPTX_MIME, writePptx, type PptxImage } from '../export/pptx.ts';
import { findAppRoot, rendererDir } from '../paths.ts';
import { approvalOf } from './approval.ts';
import { appVersion, type Methods, type Parsed, type ServiceContext } from './context.ts';

/** A file name made from a deck title: no path separators, reserved or control characters; never empty. */
export function exportFileName(title: string, extension: string): string {
  const base = title.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+|\.+$/g, '').slice(0, 80).trim();
  return (base || 'huibao') + extension;
}

export function exportMethods(ctx: ServiceContext): Methods<'exportDeck' | 'prepareExport'> {
  const { store, now, opts, requireDeck, loadDeck } = ctx;

  /** What a bundle carries: the deck as stored (without derived fields), its figure history and its images. */
  function bundleContent(deckId: string): BundleContent {
    const row = requireDeck(deckId);
    const assets = store.assets.list(deckId);
    return {
      deck: {
        title: row.title,
        subtitle: row.subtitle,
        theme: row.theme,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        slides: store.slides.list(deckId),
        figures: store.figures.list(deckId).map(({ display: _, ...f }) => f),
        figureHistory: store.figures.allHistory(deckId),
        assets,
      },
      assets: assets.map((asset) => ({ asset, bytes: store.assets.data(asset.id)! })),
    };
  }

  /** The bytes shown for each picture the slides use: its display copy when it has one (see addAsset). */
  function shownImages(deck: Deck): Map<string, PptxImage> {
    const byId = new Map(deck.assets.map((a: Asset) => [a.id, a]));
    const images = new Map<string, PptxImage>();
    for (const id of picturesShown(deck.slides)) {
      const asset = byId.get(id);
      if (!asset) continue;
      const shown = (asset.displayId && byId.get(asset.displayId)) || asset;
      const bytes = store.assets.data(shown.id);
      if (bytes) images.set(id, { mime: shown.mime, bytes });
    }
    return images;
  }

  return {
    prepareExport({ format }) {
      if (format !== 'pdf' || !opts.pdfPrepare) return { prepared: false };
      opts.pdfPrepare();
      return { prepared: true };
    },
    async exportDeck({ deckId, format, notes }: Parsed<'exportDeck'>): Promise<Result<'exportDeck'>> {
      if (format === 'html' || format === 'pdf') {
        // PDF is the HTML export's slides printed (from its print-only page): one rendering of slides for the screen,
        // the file and the paper.
        const deck = loadDeck(deckId);
        const withNotes = notes === true;
        const html = writeHtml(deck, shownImages(deck), opts.rendererDir ?? rendererDir(findAppRoot()), { notes: withNotes, page: format === 'pdf' ? 'print' : 'export' });
        if (format === 'html') {
          const name = exportFileName(deck.title, withNotes ? `（含备注）${HTML_EXTENSION}` : HTML_EXTENSION);
          return { fileName: name, mime: HTML_MIME, dataBase64: Buffer.from(html, 'utf8').toString('base64') };
        }
        const printed = await printHtmlToPdf(html, withNotes ? 'handout' : 'slides', opts.pdfPrinter);
        // A deck signed off and unchanged since says so in the file's properties (the handout on its last page too).
        const approval = deck.approval?.current ? deck.approval : null;
        const bytes = approval ? withPdfInfo(printed, { title: deck.title, subject: approvalRecord(approval), keywords: `定稿 SHA-256:${approval.sha256}` }) : printed;
        return { fileName: exportFileName(deck.title, withNotes ? `（讲义）${PDF_EXTENSION}` : PDF_EXTENSION), mime: PDF_MIME, dataBase64: Buffer.from(bytes).toString('base64') };
      }
      if (format === 'huibao') {
        const content = bundleContent(deckId);
        const approval = approvalOf(store, deckId);
        const signed = approval?.current ? { approval: { approver: approval.approver, approvedAt: approval.approvedAt, sha256: approval.sha256 } } : {};
        const bytes = writeBundle(content, { appVersion: appVersion(), createdAt: now(), ...signed });
        return { fileName: exportFileName(content.deck.title, BUNDLE_EXTENSION), mime: BUNDLE_MIME, dataBase64: Buffer.from(bytes).toString('base64') };
      }
      const deck = loadDeck(deckId);
      const bytes = await writePptx(deck, shownImages(deck));
      return { fileName: exportFileName(deck.title, '.pptx'), mime: PPTX_MIME, dataBase64: Buffer.from(bytes).toString('base64') };
    },
  };
}
