// The File › Export menu of the desktop app: which deck (the one the main window shows), which format, and the
// save dialog's file type. Pure, so it is tested without the Electron binary; index.ts runs the export.
import type { ExportFormat } from '../../decks/common/api.ts';
import type { MenuCommand } from './menu.ts';

export interface ExportChoice {
  format: ExportFormat;
  extension: string;
  filter: { zh: string; en: string };
}

export const EXPORT_COMMANDS: Partial<Record<MenuCommand, ExportChoice>> = {
  'export-pdf': { format: 'pdf', extension: 'pdf', filter: { zh: 'PDF 文件', en: 'PDF document' } },
  'export-pptx': { format: 'pptx', extension: 'pptx', filter: { zh: 'PowerPoint 演示文稿', en: 'PowerPoint presentation' } },
  'export-html': { format: 'html', extension: 'html', filter: { zh: '网页', en: 'Web page' } },
  'export-bundle': { format: 'huibao', extension: 'huibao', filter: { zh: '汇报文件', en: 'Huibao bundle' } },
};
