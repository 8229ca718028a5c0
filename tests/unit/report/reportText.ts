// Test-side builders: legacy encodings (Node's TextEncoder only writes UTF-8) and reports of known structure.

let gbMap: Map<string, number[]> | null = null;

/** GB18030 bytes for text, from a reverse map built by decoding every two-byte GB18030 code with TextDecoder. */
export function encodeGb18030(text: string): Uint8Array {
  if (!gbMap) {
    gbMap = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const s = dec.decode(new Uint8Array([a, b]));
        if ([...s].length === 1 && s !== '\uFFFD' && !gbMap.has(s)) gbMap.set(s, [a, b]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else {
      const bytes = gbMap.get(ch);
      if (!bytes) throw new Error(`no two-byte GB18030 code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}

export function utf16le(text: string, bom = true): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

export function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

const WORDS = ['推进', '产业', '创新', '平台', '建设', '城市', '乡村', '文化', '民生', '服务', '改革', '开放', '生态', '治理', '数字', '人才', '项目', '招商', '交通', '教育'];

/** A deterministic body paragraph, unique per seed, ending with a full stop, with a figure in it. */
export function paragraph(seed: number, clauses = 4): string {
  let x = seed * 7919 + 13;
  const next = (): string => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return WORDS[x % WORDS.length]!;
  };
  const parts: string[] = [];
  for (let i = 0; i < clauses; i++) parts.push(`${next()}${next()}${next()}工作${next()}`);
  return `第${seed}项：${parts.join('，')}，增长${(seed % 9) + 1}.${seed % 10}%。`;
}

/** A plausible short section heading of two phrases (6 and 10 characters). */
export function phrases(i: number): [string, string] {
  const first = ['兴产业强平台', '促融合提能级', '扬精神兴文化', '惠民生增福祉', '抓改革添活力', '优生态美家园'];
  const second = ['打造创新创业创造高地', '推动城乡面貌全域焕新', '塑造内外兼修气质品格', '共筑全民乐享幸福家园', '激发市场主体发展动能', '建设人与自然和谐之城'];
  return [first[i % first.length]!, second[i % second.length]!];
}
