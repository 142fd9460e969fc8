/**
 * Which better-sqlite3 opens the embedded database. Two lines of the library are installed because
 * neither runs on every Node the service supports:
 * - better-sqlite3 12 (`better-sqlite3`) is built per Node version on V8's C++ API. On Node 24 its
 *   statements inherit Node 24's `node::ObjectWrap`, whose destructor asserts that a Node
 *   environment is current; a statement garbage-collected outside one (a GC from a microtask
 *   checkpoint, or at exit) aborts the process (`Assertion failed: (env) != nullptr`). Not at exit
 *   only: other services saw it several times an hour under load.
 * - better-sqlite3 13 (`better-sqlite3-napi`, an npm alias) is built on Node-API with prebuilt
 *   binaries in the package and has no such destructor, but needs Node 22 (it crashes on 20).
 * The 13 line is an optional dependency that declares Node ≥ 22, so npm skips it silently on Node 20
 * and installs it on 22 and 24; it is used wherever it is installed and loads. The API the service
 * uses (prepare, pragma, transactions through Kysely, `VACUUM INTO`) is the same in both.
 * docs/decisions/0006-better-sqlite3-per-node-version.md says why not Node's own `node:sqlite`.
 */
import { createRequire } from 'node:module';
import type SQLite from 'better-sqlite3';

export type SqliteModule = typeof SQLite;

const require = createRequire(import.meta.url);

function nodeMajor(): number {
  return Number(process.versions.node.split('.')[0]);
}

function load(): { module: SqliteModule; line: 'napi' | 'v8' } {
  if (nodeMajor() >= 22) {
    try {
      return { module: require('better-sqlite3-napi') as SqliteModule, line: 'napi' };
    } catch (error) {
      // Not installed (an install made on Node 20 and then run on 22+): the V8 line still works on
      // 22, and on 24 until the first unlucky garbage collection, so the start log says so.
      if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    }
  }
  return { module: require('better-sqlite3') as SqliteModule, line: 'v8' };
}

const loaded = load();

/** The better-sqlite3 constructor for this Node. */
export const SqliteDatabase: SqliteModule = loaded.module;

/**
 * A warning for the start log, or undefined when all is well: Node 24 without the Node-API line
 * installed (run `npm ci` again on this Node).
 */
export function sqliteModuleWarning(): string | undefined {
  if (loaded.line === 'v8' && nodeMajor() >= 24)
    return 'better-sqlite3 13 (better-sqlite3-napi) is not installed: on Node 24, better-sqlite3 12 can abort the process at a garbage collection; run `npm ci` on this Node version';
  return undefined;
}

/** Which line is in use, for the tests and the start log. */
export const sqliteModuleLine = loaded.line;
