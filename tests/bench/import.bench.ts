// Import + generate: the sample report and a synthetic report of 400 sections (~650 KB), in-process and as a
// whole `huibao import` process. Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDeck } from '../../decks/node/generate/index.ts';
import { decodeReport, parseReport } from '../../decks/node/report/index.ts';
import { createService } from '../../decks/node/service.ts';

// Benches run from the project root (tests/bench/run.mjs sets the working folder).
const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'huibao-bench-import-'));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A report shaped like a real one, with 400 two-phrase pillar headings, figures and captions. */
function syntheticReport(sections: number): string {
  const digits = '零一二三四五六七八九';
  const cn = (n: number) => [...String(n)].map((d) => digits[Number(d)]).join('');
  const out = ['全面推进高质量发展 奋力谱写现代化新篇章', '', '某某 某某某', ''];
  out.push('预计全年地区生产总值增长5.5%，城乡居民收入分别增长6.3%和8%，综合实力位居全国百强区第33位，比上一年上升2位。', '');
  for (let i = 1; i <= sections; i++) {
    out.push(`推进第${cn(i)}项重点工作 打造区域发展新高地`, '');
    out.push(`围绕第${i}个重点领域，全区坚持创新驱动、项目带动，累计完成投资${(i * 3.7).toFixed(1)}亿元，新增市场主体${i * 13}家，带动就业${(i / 10).toFixed(1)}万人，各项指标位居全省前列，为高质量发展注入强劲动能。`, '');
    out.push(`同时，着力优化营商环境，深化“最多跑一次”改革，推动${i * 2}个重大项目落地，建成标准厂房${(i * 1.2).toFixed(1)}万平方米，服务企业${i * 5}户，群众满意度达到${(90 + (i % 10) / 2).toFixed(1)}%，综合排名居全市第${(i % 9) + 1}位。`, '');
    out.push(`在科技创新方面，第${i}片区新建省级以上研发机构${i % 17 + 3}个，规上工业企业研发投入增长${(i % 13) + 4.5}%，高新技术产业增加值占比提高${(i % 5) + 1.2}个百分点，专利授权量达到${i * 11 + 300}件，创新生态持续优化，创新主体不断壮大。`, '');
    out.push(`在城市建设方面，第${i}片区完成城市更新项目${i % 23 + 2}个，改造老旧小区${i * 4 + 10}户，新建城市道路${(i % 30) + 2.5}公里，新增绿地${(i % 40) + 6.8}万平方米，空气质量优良率达到${(85 + (i % 14) / 2).toFixed(1)}%，PM2.5平均浓度降至${(i % 12) + 22}微克/立方米。`, '');
    out.push(`在民生保障方面，第${i}片区城镇新增就业${(i % 9) + 1.1}万人，新建幼儿园${i % 6 + 1}所、养老服务中心${i % 8 + 2}家，发放各类补助资金${(i % 50) + 12.4}亿元，惠及群众${i * 31 + 1000}人次，群众获得感、幸福感、安全感持续增强，社会保持和谐稳定。`, '');
    out.push(`在文化建设方面，第${i}片区举办各类文化惠民活动${i % 70 + 30}场次，新建城市书房${i % 4 + 1}家，接待游客${(i % 60) + 15.6}万人次，实现旅游收入${(i % 25) + 3.2}亿元，文化软实力和城市影响力显著提升，城市品牌更加响亮。`, '');
    if (i % 5 === 0) out.push('重点项目建设现场', '', '(本张图片由区委宣传部提供)', '');
  }
  out.push('新的一年，全区将以更加奋发有为的姿态，书写高质量发展的精彩华章。', '');
  return out.join('\n');
}

async function inProcess(label: string, bytes: Uint8Array, fileName: string, runs: number): Promise<void> {
  const times: number[] = [];
  let slides = 0;
  let figures = 0;
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    const decoded = await decodeReport(bytes, fileName);
    const deck = generateDeck(parseReport(decoded));
    const t1 = performance.now();
    if (i >= 3) times.push(t1 - t0);
    slides = deck.slides.length;
    figures = deck.figures.length;
  }
  const ms = median(times);
  console.log(`${label}: decode+parse+generate median ${ms.toFixed(1)} ms over ${runs} runs · ${slides} slides, ${figures} figures · ${Math.round((slides / ms) * 1000)} slides/s`);

  const service = createService({ dbPath: join(work, `${label.replace(/\W+/g, '-')}.db`) });
  const stored: number[] = [];
  const base64 = Buffer.from(bytes).toString('base64');
  for (let i = 0; i < Math.min(runs, 10) + 1; i++) {
    const t0 = performance.now();
    await service.importReport({ fileName, dataBase64: base64 });
    if (i > 0) stored.push(performance.now() - t0);
  }
  service.close();
  console.log(`${label}: importReport into SQLite (decode → store, one transaction) median ${median(stored).toFixed(1)} ms`);
}

function asProcess(label: string, file: string, runs: number): void {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const db = join(work, `proc-${i}-${Date.now()}.db`);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(root, 'bin/huibao.mjs'), 'import', file, '--db', db, '--json'], { encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`huibao import failed: ${r.stderr}`);
  }
  console.log(`${label}: \`huibao import\` as a process (fresh database) median ${median(times).toFixed(0)} ms over ${runs} runs`);
}

const samplePath = join(root, 'decks/samples/shangyu-youth-city.txt');
const sample = readFileSync(samplePath);
const bigText = syntheticReport(400);
const bigPath = join(work, 'synthetic-400.txt');
writeFileSync(bigPath, bigText);
console.log(`sample: ${(sample.length / 1024).toFixed(1)} KB · synthetic: ${(Buffer.byteLength(bigText) / 1024).toFixed(0)} KB, 400 sections`);

await inProcess('sample', sample, 'shangyu-youth-city.txt', 50);
await inProcess('synthetic-400', new Uint8Array(Buffer.from(bigText)), 'synthetic-400.txt', 5);
asProcess('sample', samplePath, 5);
asProcess('synthetic-400', bigPath, 3);
rmSync(work, { recursive: true, force: true });
