/**
 * Issue 17: a project entity's implementers are part of the entity. Saving them is a change of the
 * entity (one entry in its trail, the members before and after) and moves its version, so the
 * project page's main form must send that version next (the web shares it between its two editors,
 * RecordChannel in src/web/features/editing/record-form.tsx). Here, over HTTP on SQLite and
 * PostgreSQL, what the page relies on: the implementers' answer carries the new version, a save of
 * the main fields on it succeeds and keeps the members, a save on the old one is refused (409) with
 * the record as now stored and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { ACTOR_ROLES, as, ensureUser, signIn, THEME, type Session } from '../helpers/actors.js';

type Member = { code: string | null; implementer: string; role: string; costEstimate: number | null };

describe.each(DIALECTS)('implementers and the entity’s version on %s', (dialect) => {
  let t: TestApp;
  let finance: Session;
  let key: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await ensureUser(t.database.db, 'implementers-finance', ACTOR_ROLES.finance);
    finance = await signIn(t.app, 'implementers-finance');
    const entity = await t.database.db
      .selectFrom('project_entities as e')
      .innerJoin('themes as th', 'th.id', 'e.theme_id')
      .select('e.key')
      .where('th.slug', '=', THEME)
      .where('e.kind', '=', 'single')
      .orderBy('e.id')
      .executeTakeFirstOrThrow();
    key = entity.key;
  });
  afterAll(async () => t?.close());

  const record = async () => {
    const answer = await as(t.app, finance, { method: 'GET', url: `/api/v1/projects/${key}/record` });
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json() as { data: { projects: Member[]; costEstimate: number | null }; version: number };
  };
  const patch = (version: number, payload: Record<string, unknown>) =>
    as(t.app, finance, {
      method: 'PATCH',
      url: `/api/v1/projects/${key}`,
      headers: { 'if-match': `"${version}"` },
      payload,
    });

  it('moves the version with the implementers; the main form saves on the new one and keeps them', async () => {
    const before = await record();
    const members = before.data.projects.map((member) => ({ ...member, code: 'S10TEST1' }));
    const implementers = await patch(before.version, { projects: members });
    expect(implementers.statusCode, implementers.body).toBe(200);
    expect(implementers.json().version).toBe(before.version + 1);
    expect(implementers.headers.etag).toBe(`"${before.version + 1}"`);
    expect(implementers.json().data.projects.map((m: Member) => m.code)).toEqual(members.map(() => 'S10TEST1'));

    // The trail has the change of the members as the entity's own change.
    const history = await as(t.app, finance, { method: 'GET', url: `/api/v1/projects/${key}/history` });
    const last = (history.json().items as { action: string; before: Member[]; after: { projects: Member[] } }[]).at(
      -1,
    )!;
    expect(last.action).toBe('update');
    expect(last.after.projects.map((m) => m.code)).toEqual(members.map(() => 'S10TEST1'));

    // The main form's save on the version the implementers' answer gave.
    const main = await patch(implementers.json().version, { costEstimate: 123_456_00 });
    expect(main.statusCode, main.body).toBe(200);
    expect(main.json().data.costEstimate).toBe(123_456_00);
    expect(main.json().data.projects.map((m: Member) => m.code)).toEqual(members.map(() => 'S10TEST1'));
  });

  it('refuses a save on the version from before the implementers changed, with the current record, and changes nothing', async () => {
    const now = await record();
    const stale = await patch(now.version - 1, { costEstimate: 1_00 });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().currentVersion).toBe(now.version);
    expect(stale.json().current.projects.map((m: Member) => m.code)).toEqual(now.data.projects.map(() => 'S10TEST1'));
    expect((await record()).data.costEstimate).toBe(now.data.costEstimate);
    expect((await record()).version).toBe(now.version);
  });
});
