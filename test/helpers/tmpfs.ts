/**
 * A small tmpfs of the test's own, to fill up: a real full disk under a real database file. Mounting
 * needs root (or CAP_SYS_ADMIN); where that is not permitted the tests that need it are skipped.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Tmpfs = { dir: string; unmount: () => void };

export function mountTmpfs(sizeMb: number): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), 'teemaseuranta-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0755`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    unmount: () => {
      // Lazily, should a process still hold a file open there.
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Why a tmpfs cannot be mounted here, or null when it can (tried once, with a 1 MB one). */
export function tmpfsUnavailable(): string | null {
  if (process.platform !== 'linux') return 'needs Linux (mount -t tmpfs)';
  try {
    mountTmpfs(1).unmount();
    return null;
  } catch (error) {
    const message = (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
    return `cannot mount a tmpfs (needs root or CAP_SYS_ADMIN): ${message}`;
  }
}
