// Faults: a full disk while saving, a read-only database, and two hosts (two windows, or the desktop app and
// `huibao serve`) writing to one database file. (A database from a newer Huibao is refused untouched:
// tests/unit/store/refusals.test.ts and tests/unit/service/service.test.ts.)
import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createClient, type DeckApi } from '../../../decks/common/api.ts';
import { createHttpTransport } from '../../../decks/common/httpTransport.ts';
import { createService } from '../../../decks/node/service.ts';
import { openStore } from '../../../decks/node/store/index.ts';
import { bundleScript, PROJECT_ROOT } from '../../fixtures/buildScript.ts';
import { syntheticReport } from '../../fixtures/syntheticReport.ts';
import { slideEdits } from '../../fixtures/slideEdits.ts';

let dir: string;
const mounts: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-faults-'));
});
afterAll(() => {
  for (const m of mounts.reverse()) spawnSync('umount', [m]);
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const report = (sections: number) => Buffer.from(syntheticReport(sections)).toString('base64');

async function errorOf(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => new Error('the call succeeded'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

/** Runs `mount` (CI runs as root); false when this machine does not permit it. */
function mount(args: string[], target: string): boolean {
  const r = spawnSync('mount', [...args, target], { encoding: 'utf8' });
  if (r.status === 0) mounts.push(target);
  return r.status === 0;
}

function unmount(target: string): void {
  spawnSync('umount', [target]);
  mounts.splice(mounts.indexOf(target), 1);
}

/** Fills the file system holding `folder` until a write fails with ENOSPC; returns the filler file. */
function fillDisk(folder: string): string {
  const filler = join(folder, 'filler.bin');
  const fd = openSync(filler, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (let size = block.length; size >= 512; ) {
      try {
        writeSync(fd, block, 0, size);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
        size = size / 2;
      }
    }
  } finally {
    closeSync(fd);
  }
  return filler;
}

describe('a full disk while saving', () => {
  it('gives DB_FULL with a clear message, keeps the last good state, and saves again once there is room', async () => {
    const folder = join(dir, 'small-disk');
    mkdirSync(folder);
    const big = '增长5.5%，'.repeat(25_000); // 175 000 characters (the limit is 200 000), ~ 325 KB of UTF-8
    if (mount(['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs'], folder)) {
      console.log('[measure] full disk: a real 3 MB tmpfs, filled to ENOSPC');
      const dbPath = join(folder, 'huibao.db');
      const service = createService({ dbPath });
      const { deckId } = await service.importReport({ fileName: 'r.txt', dataBase64: report(4) });
      const slideId = (await service.getDeck({ deckId })).slides[1]!.id;
      await slideEdits(service).updateSlide({ deckId, slideId, patch: { title: '最后一次成功保存' } });
      const good = await service.getDeck({ deckId });
      const filler = fillDisk(folder);

      const errors = [
        await errorOf(slideEdits(service).updateSlide({ deckId, slideId, patch: { notes: big } })),
        await errorOf(service.importReport({ fileName: 'r2.txt', dataBase64: report(60) })),
        await errorOf(service.saveEdits({ deckId, slides: good.slides.map(({ section: _, ...s }) => ({ ...s, notes: big })) })),
      ];
      for (const err of errors) {
        expect(err.code).toBe('DB_FULL');
        expect(err.zh).toContain('磁盘已满');
        expect(err.en).toContain('disk is full');
      }
      expect(await service.getDeck({ deckId })).toEqual(good);
      expect((await service.listDecks({})).decks).toHaveLength(1);

      // Room again: the same save succeeds without a restart, and the file is sound.
      rmSync(filler);
      await slideEdits(service).updateSlide({ deckId, slideId, patch: { notes: big } });
      service.close();
      const raw = new Database(dbPath);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();
      const reopened = createService({ dbPath });
      const after = await reopened.getDeck({ deckId });
      expect(after.slides[1]!.notes).toBe(big);
      expect(after.slides[1]!.title).toBe('最后一次成功保存');
      reopened.close();
      unmount(folder);
    } else {
      // No mount here: SQLite's max_page_count makes the file unable to grow, as good as a full disk.
      console.log('[measure] full disk: mount not permitted, used SQLite max_page_count instead');
      const store = openStore(join(folder, 'huibao.db'));
      store.decks.insert({ id: 'd', title: '最后一次成功保存', subtitle: '', theme: 'official', reportId: null, createdAt: 'c', updatedAt: 'u', deletedAt: null });
      store.db.pragma(`max_page_count = ${store.db.pragma('page_count', { simple: true }) as number}`);
      const err = (() => {
        try {
          store.transaction(() => store.slides.insert('d', { id: 's', layout: 'points', title: '', blocks: [], notes: big, hidden: false }, 0));
        } catch (e) {
          return e;
        }
        return null;
      })();
      const { fromSqliteError } = await import('../../../decks/node/store/sqliteErrors.ts');
      expect((fromSqliteError(err) as ApiError).code).toBe('DB_FULL');
      expect(store.decks.get('d')?.title).toBe('最后一次成功保存');
      expect(store.slides.list('d')).toEqual([]);
      store.close();
    }
  });
});

describe('a read-only database', () => {
  it('opens read-only: reads work, every write is DB_READ_ONLY with a message, the file stays byte for byte', async () => {
    const dbPath = join(dir, 'read-only.db');
    const writer = createService({ dbPath });
    const { deckId } = await writer.importReport({ fileName: 'r.txt', dataBase64: report(3) });
    const deck = await writer.getDeck({ deckId });
    writer.close();
    const before = sha256(dbPath);

    // Root ignores file modes: make the file immutable (chattr +i) when permitted, else chmod it for other users,
    // else fall back to the store's readOnly option.
    const how = spawnSync('chattr', ['+i', dbPath]).status === 0 ? 'chattr +i on the file' : process.getuid?.() !== 0 ? (chmodSync(dbPath, 0o444), 'chmod 444 on the file') : null;
    console.log(`[measure] read-only database: ${how ?? 'the store readOnly option (chattr not permitted)'}`);
    try {
      if (how) {
        const service = createService({ dbPath });
        expect(await service.getDeck({ deckId })).toEqual(deck);
        const writes: (() => Promise<unknown>)[] = [
          () => service.renameDeck({ deckId, title: '新标题' }),
          () => slideEdits(service).updateSlide({ deckId, slideId: deck.slides[0]!.id, patch: { title: 'x' } }),
          () => service.updateFigure({ deckId, key: deck.figures[0]!.key, value: '1' }),
          () => service.importReport({ fileName: 'r.txt', dataBase64: report(2) }),
          () => service.createDeck({ title: '新' }),
        ];
        for (const w of writes) {
          const err = await errorOf(w());
          expect(err.code).toBe('DB_READ_ONLY');
          expect(err.zh).toContain('只读');
          expect(err.en).toContain('read-only');
        }
        service.close();
      } else {
        const store = openStore(dbPath, { readOnly: true });
        expect(store.decks.get(deckId)?.title).toBe(deck.title);
        const { fromSqliteError } = await import('../../../decks/node/store/sqliteErrors.ts');
        let err: unknown = null;
        try {
          store.decks.rename(deckId, 'x', 'now');
        } catch (e) {
          err = fromSqliteError(e);
        }
        expect((err as ApiError).code).toBe('DB_READ_ONLY');
        store.close();
      }
    } finally {
      if (how?.startsWith('chattr')) spawnSync('chattr', ['-i', dbPath]);
      else if (how) chmodSync(dbPath, 0o644);
    }
    expect(sha256(dbPath)).toBe(before);

    // A database in a read-only folder (a read-only USB stick), closed cleanly elsewhere (no -wal/-shm beside it):
    // SQLite cannot open a WAL database there; it is refused with DB_READ_ONLY, not called damaged.
    const stick = join(dir, 'stick');
    const onStick = createService({ dbPath: join(stick, 'huibao.db') });
    await onStick.createDeck({ title: 'U盘上的演示稿' });
    onStick.close();
    const stickHash = sha256(join(stick, 'huibao.db'));
    const roFolder = join(dir, 'ro-mount');
    mkdirSync(roFolder);
    if (mount(['--bind', stick], roFolder)) {
      const remounted = mount(['-o', 'remount,bind,ro'], roFolder);
      mounts.pop();
      try {
        if (remounted) {
          const err = (() => {
            try {
              createService({ dbPath: join(roFolder, 'huibao.db') }).close();
            } catch (e) {
              return e;
            }
            return null;
          })();
          expect(err).toBeInstanceOf(ApiError);
          expect((err as ApiError).code).toBe('DB_READ_ONLY');
          expect((err as ApiError).zh).toContain('只读');
          console.log('[measure] read-only folder: a read-only bind mount');
        }
      } finally {
        unmount(roFolder);
      }
      expect(sha256(join(stick, 'huibao.db'))).toBe(stickHash);
    }
  });
});

describe('two hosts on one database file', () => {
  /** A clock both hosts share, as two programs on one machine do; it moves on at every reading. */
  let tick = Date.parse('2026-01-01T00:00:00.000Z');
  const sharedClock = () => new Date(tick++);

  it('refuse a stale slide or figure edit with CONFLICT (nothing written), and keep both edits after a reload', async () => {
    const dbPath = join(dir, 'two-windows.db');
    const a = createService({ dbPath, now: sharedClock });
    const b = createService({ dbPath, now: sharedClock });
    const { deckId } = await a.importReport({ fileName: 'r.txt', dataBase64: report(4) });
    const seenByA = await a.getDeck({ deckId });
    const seenByB = await b.getDeck({ deckId });
    const [s1, s2] = [seenByA.slides[1]!.id, seenByA.slides[2]!.id];

    await slideEdits(a).updateSlide({ deckId, slideId: s1, patch: { title: 'A 的修改' }, expectedUpdatedAt: seenByA.updatedAt });
    const stale = await errorOf(slideEdits(b).updateSlide({ deckId, slideId: s2, patch: { title: 'B 的修改' }, expectedUpdatedAt: seenByB.updatedAt }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.zh).toContain('此演示稿已在别处被修改');
    expect(stale.en).toContain('changed elsewhere');
    expect((await a.getDeck({ deckId })).slides[2]!.title).toBe(seenByA.slides[2]!.title); // nothing written
    const reloaded = await b.getDeck({ deckId });
    await slideEdits(b).updateSlide({ deckId, slideId: s2, patch: { title: 'B 的修改' }, expectedUpdatedAt: reloaded.updatedAt });

    const key = seenByA.figures[0]!.key;
    const figA = seenByA.figures[0]!;
    await a.updateFigure({ deckId, key, value: '7.5', expectedUpdatedAt: figA.updatedAt });
    const staleFigure = await errorOf(b.updateFigure({ deckId, key, value: '8.5', expectedUpdatedAt: seenByB.figures[0]!.updatedAt }));
    expect(staleFigure.code).toBe('CONFLICT');
    expect(staleFigure.zh).toContain('此数字已在别处被修改');
    const current = (await b.listFigures({ deckId })).figures.find((f) => f.key === key)!;
    expect(current.value).toBe(7.5);
    await b.updateFigure({ deckId, key, value: '8.5', expectedUpdatedAt: current.updatedAt });

    const final = await a.getDeck({ deckId });
    expect(final.slides[1]!.title).toBe('A 的修改');
    expect(final.slides[2]!.title).toBe('B 的修改');
    expect((await a.figureHistory({ deckId, key })).changes.map((c) => c.newValue)).toEqual([7.5, 8.5]);
    // Callers that send no expectedUpdatedAt keep working as before.
    await slideEdits(b).updateSlide({ deckId, slideId: s1, patch: { notes: '旧客户端' } });
    expect((await a.getDeck({ deckId })).slides[1]).toMatchObject({ title: 'A 的修改', notes: '旧客户端' });
    a.close();
    b.close();
  });

  it('two processes writing as fast as they can: every write waits its turn, none fails as DB_BUSY', { timeout: 60_000 }, async () => {
    const dbPath = join(dir, 'hammer.db');
    const setup = createService({ dbPath });
    const { deckId } = await setup.importReport({ fileName: 'r.txt', dataBase64: report(6) });
    setup.close();
    const script = await bundleScript(new URL('../../fixtures/crashWriter.ts', import.meta.url));
    const hammer = (parity: number) =>
      new Promise<{ ok: number; busy: number }>((resolve, reject) => {
        const child = spawn(process.execPath, [script, 'hammer', dbPath, deckId, String(parity), '1500'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`hammer exited with ${code}`))));
      });
    try {
      const results = await Promise.all([hammer(0), hammer(1)]);
      console.log(`[measure] two writer processes for 1.5 s: ${results.map((r) => `${r.ok} writes, ${r.busy} DB_BUSY`).join('; ')}`);
      for (const r of results) {
        expect(r.ok).toBeGreaterThan(100);
        expect(r.busy).toBe(0);
      }
    } finally {
      rmSync(script, { force: true });
    }
    const raw = new Database(dbPath);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });

  it('the desktop app and `huibao serve` writing at once: no corruption, no edit lost', { timeout: 90_000 }, async () => {
    const dbPath = join(dir, 'desktop-and-serve.db');
    const desktop = createService({ dbPath });
    const { deckId } = await desktop.importReport({ fileName: 'r.txt', dataBase64: report(12) });
    const deck = await desktop.getDeck({ deckId });
    const script = await bundleScript(new URL('../../fixtures/serveHost.ts', import.meta.url));
    let serve: ChildProcess | null = null;
    try {
      serve = spawn(process.execPath, [script, 'serve', '--port', '0', '--no-open', '--json', '--db', dbPath], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      const started = await new Promise<{ url: string; token: string }>((resolve, reject) => {
        let out = '';
        serve!.stdout!.on('data', (c: Buffer) => {
          out += c.toString();
          const line = out.split('\n').find((l) => l.startsWith('{'));
          if (line) resolve(JSON.parse(line));
        });
        serve!.on('exit', (code) => reject(new Error(`huibao serve exited with ${code}`)));
      });
      const browser: DeckApi = createClient(createHttpTransport({ baseUrl: started.url, token: started.token, fetch: (url, init) => fetch(url, init) }));

      // Each host edits its own half of the slides, every edit guarded by what that host last read.
      const rounds = 40;
      const tally = { conflicts: 0, busy: 0 };
      async function editor(api: DeckApi, slideIds: string[], who: string): Promise<Map<string, string>> {
        const last = new Map<string, string>();
        let seen = (await api.getDeck({ deckId })).updatedAt;
        for (let i = 0; i < rounds; i++) {
          const slideId = slideIds[i % slideIds.length]!;
          const title = `${who} ${i}`;
          // Let the other host run in between (the service itself is synchronous and would otherwise finish first).
          await new Promise((r) => setTimeout(r, (i * 7) % 4));
          for (let attempt = 0; ; attempt++) {
            try {
              await slideEdits(api).updateSlide({ deckId, slideId, patch: { title }, expectedUpdatedAt: seen });
              seen = (await api.listDecks({})).decks.find((d) => d.id === deckId)!.updatedAt;
              break;
            } catch (err) {
              const code = (err as ApiError).code;
              if (code === 'CONFLICT') tally.conflicts++;
              else if (code === 'DB_BUSY') tally.busy++;
              else throw err;
              if (attempt > 200) throw new Error(`${who}: no progress after 200 attempts`);
              seen = (await api.getDeck({ deckId })).updatedAt; // reload, then edit again
            }
          }
          last.set(slideId, title);
        }
        return last;
      }
      const ids = deck.slides.map((s) => s.id);
      const half = Math.floor(ids.length / 2);
      const [mine, theirs] = await Promise.all([editor(desktop, ids.slice(0, half), '桌面'), editor(browser, ids.slice(half), '浏览器')]);

      const final = await desktop.getDeck({ deckId });
      for (const [slideId, title] of [...mine, ...theirs]) expect(final.slides.find((s) => s.id === slideId)!.title).toBe(title);
      expect(await browser.getDeck({ deckId })).toEqual(final);
      console.log(`[measure] two hosts: ${rounds * 2} edits from a service and a \`huibao serve\` process all kept; ${tally.conflicts} CONFLICTs reloaded and retried, ${tally.busy} DB_BUSY`);
      expect(tally.busy).toBe(0);
      expect(tally.conflicts, 'the hosts interleaved, and stale writes were caught across processes').toBeGreaterThan(0);
    } finally {
      serve?.kill('SIGTERM');
      await new Promise((r) => (serve && serve.exitCode === null ? serve.once('exit', r) : r(null)));
      desktop.close();
      rmSync(script, { force: true });
    }
    const raw = new Database(dbPath);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    expect(existsSync(dbPath)).toBe(true);
  });
});
