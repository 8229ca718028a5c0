// Update checks: off unless IT's settings turn them on with an internal http(s) URL. When on, one GET
// of a small JSON manifest at that URL; nothing is downloaded or installed — the person is told a newer
// version exists and where IT publishes it. `fetch` is injected: tests prove no request is made when off.
import { z } from 'zod';
import { HttpUrl, type Settings } from '../../decks/common/settings.ts';

/** The part of `fetch` (Node's, or Electron's `net.fetch`) that is used. */
export type FetchLike = (
  url: string,
  init: { method: 'GET'; headers: Record<string, string>; signal: AbortSignal; redirect: 'follow' | 'error' },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export type UpdateDecision = { check: false; reason: 'disabled' | 'no-url' } | { check: true; url: string };

export function decideUpdateCheck(settings: Pick<Settings, 'updates'>): UpdateDecision {
  if (!settings.updates.enabled) return { check: false, reason: 'disabled' };
  const url = HttpUrl.safeParse(settings.updates.url);
  return url.success ? { check: true, url: url.data } : { check: false, reason: 'no-url' };
}

/** What IT publishes at the update URL, e.g. `{"version":"0.2.0","downloadUrl":"https://it.example/huibao/"}`. */
export const UpdateManifest = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'must look like 1.2.3'),
  downloadUrl: HttpUrl.optional(),
  notes: z.string().max(5000).optional(),
});
export type UpdateManifest = z.infer<typeof UpdateManifest>;

export type UpdateCheckResult =
  | { status: 'off'; reason: 'disabled' | 'no-url' }
  | { status: 'current'; latest: string }
  | { status: 'available'; latest: string; downloadUrl: string | null; notes: string | null }
  | { status: 'failed'; zh: string; en: string };

/** Compares dotted versions numerically; a pre-release (1.2.0-rc.1) is older than its release. */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core = '', pre = ''] = v.split('-', 2);
    return { nums: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (!x.pre) return 1;
  if (!y.pre) return -1;
  return x.pre < y.pre ? -1 : 1;
}

const MAX_MANIFEST_CHARS = 64 * 1024;

export async function checkForUpdates(opts: {
  settings: Pick<Settings, 'updates'>;
  currentVersion: string;
  fetch: FetchLike;
  timeoutMs?: number;
}): Promise<UpdateCheckResult> {
  const decision = decideUpdateCheck(opts.settings);
  if (!decision.check) return { status: 'off', reason: decision.reason };
  const failed = (zh: string, en: string): UpdateCheckResult => ({
    status: 'failed',
    zh: `无法检查更新（${decision.url}）：${zh}`,
    en: `Could not check for updates (${decision.url}): ${en}`,
  });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 10_000);
  try {
    const res = await opts.fetch(decision.url, {
      method: 'GET',
      headers: { accept: 'application/json' },
      signal: controller.signal,
      redirect: 'follow',
    });
    if (!res.ok) return failed(`服务器返回 HTTP ${res.status}`, `the server answered HTTP ${res.status}`);
    const text = await res.text();
    if (text.length > MAX_MANIFEST_CHARS) return failed('更新说明文件过大', 'the manifest is too large');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return failed('返回的内容不是 JSON', 'the answer is not JSON');
    }
    const manifest = UpdateManifest.safeParse(json);
    if (!manifest.success) {
      const detail = manifest.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return failed(`更新说明文件格式不对（${detail}）`, `the manifest is malformed (${detail})`);
    }
    const latest = manifest.data.version;
    if (compareVersions(latest, opts.currentVersion) <= 0) return { status: 'current', latest };
    return { status: 'available', latest, downloadUrl: manifest.data.downloadUrl ?? null, notes: manifest.data.notes ?? null };
  } catch (err) {
    if (controller.signal.aborted) return failed('连接超时', 'the request timed out');
    const detail = err instanceof Error ? err.message : String(err);
    return failed(`网络错误（${detail}）`, `network error (${detail})`);
  } finally {
    clearTimeout(timer);
  }
}
