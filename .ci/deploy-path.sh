#!/usr/bin/env bash
# CI: the deploy path of docs/deployment.md in a temporary copy of the working tree (no node_modules,
# no dist, no var): npm ci && npm run build && npm prune --omit=dev && npm start on a fresh SQLite
# database and a free port, then every document the server renders (review PDF and DOCX, minutes
# PDF and DOCX, agenda PDF) fetched from that pruned install and checked. Also: no EBADENGINE
# warning from npm ci, no build tool left after the prune, and the compiled command line works.
#   bash .ci/deploy-path.sh          (run by .ci/run; runs alone too)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/teemaseuranta-deploy.XXXXXX)"
server_pid=
cleanup() {
  # The whole process group: npm does not pass the signal on to the node under it.
  if [ -n "$server_pid" ]; then kill -- "-$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "-- copy of the working tree into $work/app"
mkdir -p "$work/app" "$work/docs"
# Tracked and new files, without what .gitignore leaves out (node_modules, dist, var…).
(cd "$repo" && git ls-files -z --cached --others --exclude-standard |
  tar --null --files-from=- --ignore-failed-read -cf -) 2>/dev/null | tar -C "$work/app" -xf -
cd "$work/app"

echo "-- npm ci"
npm ci --no-audit --no-fund 2>&1 | tee "$work/npm-ci.log" | tail -n 2
if grep -q EBADENGINE "$work/npm-ci.log"; then
  grep -A4 EBADENGINE "$work/npm-ci.log" >&2
  echo "npm ci warned EBADENGINE on Node $(node --version)." >&2
  exit 1
fi

echo "-- npm run build"
npm run build --silent

echo "-- npm prune --omit=dev"
npm prune --omit=dev --no-audit --no-fund 2>&1 | tail -n 1
for tool in tsx vite esbuild typescript vitest; do
  if [ -e "node_modules/$tool" ]; then
    echo "node_modules/$tool is still there after the prune: a build tool is a production dependency." >&2
    exit 1
  fi
done

export NODE_ENV=production SQLITE_PATH="$work/db.sqlite" HOST=127.0.0.1 LOG_LEVEL=warn
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

echo "-- the compiled command line: an administrator for the documents"
password="$(npm run --silent cli -- user add ci-admin --name "CI" --role admin | sed -n 's/.*(shown once): //p')"
[ -n "$password" ] || { echo "npm run cli -- user add printed no password" >&2; exit 1; }

echo "-- npm start on port $port"
# In a process group of its own (setsid), so that the cleanup can stop npm and the server together.
PORT="$port" setsid npm start --silent >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { cat "$work/server.log" >&2; exit 1; }
if grep -q "Building" "$work/server.log"; then
  echo "npm start rebuilt after npm run build:" >&2
  cat "$work/server.log" >&2
  exit 1
fi
curl -sf "http://127.0.0.1:$port/fi/" | grep -q '<div id="root">' || { echo "no web application at /fi/" >&2; exit 1; }

echo "-- documents"
node "$repo/.ci/fetch-documents.mjs" "http://127.0.0.1:$port" ci-admin "$password" "$work/docs"
for pdf in "$work"/docs/*.pdf; do
  [ "$(head -c 4 "$pdf")" = "%PDF" ] || { echo "$(basename "$pdf") is not a PDF" >&2; exit 1; }
  words="$(pdftotext "$pdf" - | wc -w)"
  [ "$words" -gt 20 ] || { echo "$(basename "$pdf") has no text ($words words)" >&2; exit 1; }
  echo "$(basename "$pdf"): PDF, $words words"
done
for docx in "$work"/docs/*.docx; do
  [ "$(head -c 2 "$docx")" = "PK" ] || { echo "$(basename "$docx") is not a DOCX" >&2; exit 1; }
  echo "$(basename "$docx"): DOCX"
done
if [ -s "$work/server.log" ]; then
  echo "-- server log (warn and above)"
  cat "$work/server.log"
fi
echo "deploy path: ok"
