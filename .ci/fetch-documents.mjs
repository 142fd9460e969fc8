/**
 * CI (.ci/deploy-path.sh): from a running server, fetch every kind of document the server renders
 * and write them into a folder for the shell to check: the review as PDF and DOCX (a reporting
 * period opened for the purpose, by an administrator created with the command line) and a
 * meeting's minutes as PDF and DOCX.
 *
 *   node .ci/fetch-documents.mjs <base url> <username> <password> <folder>
 *
 * Plain fetch, no cookie jar: the session cookie is Secure in production and the server is on
 * plain loopback HTTP here.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [base, username, password, folder] = process.argv.slice(2);
if (!folder) {
  console.error('Usage: node .ci/fetch-documents.mjs <base url> <username> <password> <folder>');
  process.exit(2);
}

async function call(method, path, { cookie, csrf, body } = {}) {
  const response = await fetch(new URL(path, base), {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(cookie ? { cookie } : {}),
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

const login = await call('POST', '/api/v1/auth/login', { body: { username, password } });
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const { csrfToken: csrf } = await login.json();
const session = { cookie, csrf };

async function save(path, file) {
  const bytes = Buffer.from(await (await call('GET', path, session)).arrayBuffer());
  writeFileSync(join(folder, file), bytes);
  console.log(`${file}: ${bytes.length} bytes from ${path}`);
}

const period = `ci-${Date.now()}`;
await call('POST', '/api/v1/reporting-periods', { ...session, body: { key: period, title: { fi: 'CI-katsaus' } } });
await save(`/api/v1/reporting-periods/${period}/review.pdf`, 'review.pdf');
await save(`/api/v1/reporting-periods/${period}/review.docx`, 'review.docx');

// The 2024 dataset's one meeting has draft minutes, none published: the administrator reads them
// (published minutes are the same document, only without a session).
const published = (await (await call('GET', '/api/v1/published-minutes')).json()).items;
let meeting = published[0]?.key;
if (!meeting) {
  const { items: groups } = await (await call('GET', '/api/v1/steering-groups', session)).json();
  for (const group of groups) {
    const { items } = await (await call('GET', `/api/v1/steering-groups/${group.key}/meetings`, session)).json();
    meeting = items[0]?.key;
    if (meeting) break;
  }
}
if (!meeting) throw new Error('no meeting in the dataset');
await save(`/api/v1/meetings/${meeting}/minutes/pdf?lang=fi`, 'minutes.pdf');
await save(`/api/v1/meetings/${meeting}/agenda/pdf?lang=sv`, 'agenda.pdf');
await save(`/api/v1/meetings/${meeting}/minutes/docx?lang=sv`, 'minutes.docx');
