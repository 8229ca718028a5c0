// The sample report and a revised version of it written here: three figures changed (5.5% → 5.8%, 第33位 → 第31位,
// 2500亿元 → 2600亿元), one paragraph added (no figures in it) and one caption (南丰社区) removed.
import { readFileSync } from 'node:fs';
import { decodeReport, parseReport } from '../../../decks/node/report/index.ts';
import { SAMPLE_PATH } from '../generate/sampleDoc.ts';

export const SAMPLE_TEXT = readFileSync(SAMPLE_PATH, 'utf8');
export const NEW_PARAGRAPH = '上虞区还将深化“青春之城”志愿服务品牌建设，组织青年志愿者深入社区开展文明实践活动，让城市更有温度。';

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the sample no longer holds “${from}”`);
  return text.replace(from, to);
}

export function revisedSampleText(): string {
  let t = SAMPLE_TEXT;
  t = replaceOnce(t, '地区生产总值增长5.5%', '地区生产总值增长5.8%');
  t = replaceOnce(t, '百强区第33位', '百强区第31位');
  t = replaceOnce(t, '经济总量达2500亿元', '经济总量达2600亿元');
  t = replaceOnce(t, '\n南丰社区\n', '\n');
  // After the paragraph that opens the third section.
  const anchor = '以文化软实力赋能“青春之城”“硬支撑”。';
  t = replaceOnce(t, anchor, `${anchor}\n\n${NEW_PARAGRAPH}`);
  return t;
}

export async function docOf(text: string) {
  return parseReport(await decodeReport(new TextEncoder().encode(text), 'report.txt'));
}
