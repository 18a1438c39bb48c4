/**
 * Stores that cannot work say so in one line naming the store, the reason and the fix (issue 25):
 * a path that cannot exist, a damaged or read-only file, an unreachable database, and a disk that
 * fills while running (a write fails with fault 'full', which listeners turn into "not saved").
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgStore } from '../../src/store/pg-store.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { StoreError, notSavedText } from '../../src/store/store-errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'tokcost-faults-'));
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const undo of cleanups.reverse()) {
    try {
      undo();
    } catch {
      // best effort: a privileged helper may already be gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

const openError = (path: string): StoreError => {
  try {
    openSqliteStore({ path });
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error(`opening ${path} did not fail`);
};

/** Runs a privileged command; false when this machine does not allow it (tests then skip with a message). */
const tryRun = (cmd: string, args: string[]): boolean => {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

describe('store faults', () => {
  // It used to spin at 80 % CPU forever (mkdirSync recursive under /proc): the timeout is a hang guard,
  // far above the millisecond it takes, not a speed limit.
  it('a path that cannot exist fails at once (it used to spin at 80 % CPU), naming the path and the fix', { timeout: 60_000 }, () => {
    const error = openError('/proc/nope/x.sqlite');
    expect(error.fault).toBe('path');
    expect(error.message).toContain('/proc/nope/x.sqlite');
    expect(error.message).toContain('TOKCOST_DB_PATH');
    expect(error.message).not.toContain('\n');
  });

  it('a damaged file names the path, says what is wrong and what to do', () => {
    const path = join(dir, 'corrupt.sqlite');
    writeFileSync(path, 'this is not a database, it is a shopping list\n'.repeat(200));
    const error = openError(path);
    expect(error.fault).toBe('corrupt');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/not a tokcost SQLite database or is damaged.*move the file aside/);
  });

  it('a read-only file names the path and the fix', (ctx) => {
    const folder = join(dir, 'ro');
    mkdirSync(folder);
    const path = join(folder, 'tokcost.sqlite');
    openSqliteStore({ path }).close();
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    // root ignores file modes: make it immutable instead where the machine allows it.
    const root = process.getuid?.() === 0;
    if (root) {
      if (!tryRun('chattr', ['+i', path, folder])) return ctx.skip('read-only test skipped: running as root without chattr +i');
      cleanups.push(() => execFileSync('chattr', ['-i', path, folder]));
    } else {
      chmodSync(path, 0o444);
      chmodSync(folder, 0o555);
      cleanups.push(() => chmodSync(folder, 0o755));
    }
    const error = openError(path);
    expect(error.fault).toBe('read-only');
    expect(error.message).toContain(path);
    expect(error.message).toContain('writable');
  });

  it('an unreachable database names it (password hidden), the reason and the fix', async () => {
    const error = await openPgStore({ url: 'postgres://tokcost:hunter2@127.0.0.1:1/tokcost', connectTimeoutMs: 2000 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreError);
    const message = (error as StoreError).message;
    expect((error as StoreError).fault).toBe('unreachable');
    expect(message).toContain('postgres://tokcost:***@127.0.0.1:1/tokcost');
    expect(message).not.toContain('hunter2');
    expect(message).toContain('ECONNREFUSED');
    expect(message).toContain('DATABASE_URL');
  });

  it('a disk that fills while running fails the write with fault "full", and the user is told it was not saved', async (ctx) => {
    const mount = join(dir, 'small');
    mkdirSync(mount);
    if (!tryRun('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mount])) return ctx.skip('full-disk test skipped: this machine does not allow mounting a small tmpfs');
    cleanups.push(() => execFileSync('umount', ['-l', mount]));
    const store = openSqliteStore({ path: join(mount, 'tokcost.sqlite') });
    await store.setGpuPrice('T1', 'h100-sxm', 2, 'U1');
    // Fill the rest of the volume.
    try {
      writeFileSync(join(mount, 'filler'), Buffer.alloc(4 * 1024 * 1024));
    } catch {
      // ENOSPC: full, as intended
    }
    let failure: unknown;
    try {
      for (let i = 0; i < 200; i++) await store.saveAnswer({ teamId: 'T1', answerId: `a${i}`, channelId: 'C1', query: { pad: 'x'.repeat(20_000) }, report: {} });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).fault).toBe('full');
    expect(notSavedText(failure)).toBe('I could not save the setting: the disk holding tokcost’s store is full. Nothing was changed; please tell whoever runs tokcost, then try again.');
    await store.close();
  });
});
