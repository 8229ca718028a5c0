// The sample report as a ReportDoc, built by hand (independently of the report parser) so generation can be tested
// on real text: headings, captions, the broken line and the repeated paragraph are resolved here as a careful reader would.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReportDoc, ReportParagraph, ReportSection } from '../../../decks/common/model.ts';

export const SAMPLE_PATH = fileURLToPath(new URL('../../../decks/samples/shangyu-youth-city.txt', import.meta.url));

const HEADINGS = ['兴产业强平台 打造创新创业创造高地', '促融合提能级 推动城乡面貌全域焕新', '扬精神兴文化 塑造内外兼修气质品格', '惠民生增福祉 共筑全民乐享幸福家园'];
const CAPTIONS = ['上虞e游小镇', '上虞产业协同创新中心', '南丰社区', '樱花谷'];
const REPEATED = '念优化区域生产力空间布局，创新谋划了“一江两岸三城多片区”开发建设，在建设高水平网络大城市上先行示范、走在前列。';

export function sampleDoc(): ReportDoc {
  const blocks = readFileSync(SAMPLE_PATH, 'utf8')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const doc: ReportDoc = { title: blocks[0]!, subtitle: '', bylines: [blocks[1]!], salutation: '', lead: [], sections: [], closing: [], closingTitle: '', captions: [], warnings: [] };
  let index = 0;
  let section: ReportSection | null = null;
  let seenRepeat = false;
  const para = (text: string): ReportParagraph => ({ index: index++, text, truncated: !/[。！？”…]$/.test(text) });
  for (let i = 2; i < blocks.length; i++) {
    let text = blocks[i]!;
    if (HEADINGS.includes(text)) {
      const [title, subtitle] = text.split(' ') as [string, string];
      section = { title, subtitle, paragraphs: [], captions: [] };
      doc.sections.push(section);
      continue;
    }
    const prev = section?.paragraphs.at(-1)?.index ?? index - 1;
    if (CAPTIONS.includes(text)) {
      const credit = blocks[i + 1]?.startsWith('(') ? blocks[++i]!.replace(/^\(|\)$/g, '') : '';
      const caption = { text, credit, after: prev };
      if (text === '樱花谷') doc.captions.push(caption);
      else section!.captions.push(caption);
      continue;
    }
    if (text === REPEATED) {
      if (seenRepeat) {
        doc.warnings.push({ kind: 'duplicate-removed', paragraph: prev, excerpt: text.slice(0, 30), message: { zh: '删除了重复段落', en: 'Removed a repeated paragraph' } });
        continue;
      }
      seenRepeat = true;
    }
    if (text.endsWith('网络大城市理') && blocks[i + 1] === REPEATED) {
      text += blocks[++i]!;
      seenRepeat = true;
      doc.warnings.push({ kind: 'lines-joined', paragraph: index, excerpt: text.slice(0, 30), message: { zh: '合并了断开的行', en: 'Joined a broken line' } });
    }
    if (text.startsWith('图更强')) {
      doc.closing.push(para(text));
      continue;
    }
    if (section) section.paragraphs.push(para(text));
    else doc.lead.push(para(text));
  }
  return doc;
}
