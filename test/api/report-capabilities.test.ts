/**
 * The capabilities a report comes with are what the server would let the person do: for every role
 * that may read the report, in each state, each capability listed is one `can()` grants on the
 * report's theme (and the workflow allows now), and each listed action really succeeds, while the
 * actions not listed are refused. The web renders only these (report-page.tsx).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Actor, type Scope } from '../../src/domain/access.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  ACTOR_ROLES,
  as,
  signInEveryone,
  SIGNED_IN_ACTORS,
  type Session,
  type SignedInActor,
} from '../helpers/actors.js';
import { DIALECTS } from '../helpers/databases.js';

/** LANUPE is funded by STM and OKM. */
const SCOPE: Scope = { themeId: -1, themeMinistries: ['STM', 'OKM'] };

function actorOf(who: SignedInActor): Actor {
  const roles = ACTOR_ROLES[who].map((role) => ({
    role: role.role,
    ministry: 'ministry' in role ? role.ministry : null,
    themeId: 'theme' in role && role.theme === 'lanupe' ? -1 : 'theme' in role ? -2 : null,
    steeringGroupId: null,
  }));
  return { kind: 'user', userId: 1, username: who, displayName: who, roles } as Actor;
}

describe.each(DIALECTS)('report capabilities on %s', (dialect) => {
  let t: TestApp;
  let sessions: Record<SignedInActor, Session>;
  let reportId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    sessions = await signInEveryone(t.app, t.database.db);
    const period = await as(t.app, sessions.admin, {
      method: 'POST',
      url: '/api/v1/reporting-periods',
      payload: { key: '2024', title: { fi: 'Toteutuskatsaus 2024' }, cutOff: '2024-10-31' },
    });
    reportId = period.json().themes.find((x: { slug: string }) => x.slug === 'lanupe').reportId;
    const fill = Object.fromEntries(
      ['s1', 's2', 's3', 's4', 's5'].map((key) => [key, { html: `<p>Osio ${key}.</p>` }]),
    );
    const saved = await as(t.app, sessions.coordinator, {
      method: 'PATCH',
      url: `/api/v1/reports/${reportId}`,
      headers: { 'if-match': '"1"' },
      payload: { sections: fill },
    });
    expect(saved.statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  const read = (who: SignedInActor) => as(t.app, sessions[who], { method: 'GET', url: `/api/v1/reports/${reportId}` });

  /** Every reader's capabilities, checked against can() on the theme's scope. */
  async function capabilitiesOfEveryone(): Promise<Partial<Record<SignedInActor, string[]>>> {
    const seen: Partial<Record<SignedInActor, string[]>> = {};
    for (const who of SIGNED_IN_ACTORS) {
      const response = await read(who);
      if (response.statusCode !== 200) continue;
      const capabilities = response.json().capabilities as string[];
      const actor = actorOf(who);
      for (const capability of capabilities) {
        const permission = capability === 'edit' || capability === 'submit' ? 'report.edit' : 'report.approve';
        expect(can(actor, permission, SCOPE), `${who} offered ${capability}`).toBe(true);
      }
      seen[who] = capabilities;
    }
    return seen;
  }

  it('offers a draft to its editors only, and nothing to review', async () => {
    const seen = await capabilitiesOfEveryone();
    expect(seen.coordinator).toEqual(['edit', 'submit']);
    expect(seen.admin).toEqual(['edit', 'submit']);
    expect(seen.ministry).toEqual([]);
    for (const capabilities of Object.values(seen)) {
      expect(capabilities).not.toContain('approve');
      expect(capabilities).not.toContain('return');
    }
  });

  it('offers a submitted report to its ministries to return or approve, and no more edits', async () => {
    const version = (await read('coordinator')).json().version as number;
    const submitted = await as(t.app, sessions.coordinator, {
      method: 'POST',
      url: `/api/v1/reports/${reportId}/submit`,
      headers: { 'if-match': `"${version}"` },
      payload: {},
    });
    expect(submitted.statusCode).toBe(200);
    // The answer of the transition carries the next capabilities too.
    expect(submitted.json().capabilities).toEqual([]);
    const seen = await capabilitiesOfEveryone();
    expect(seen.coordinator).toEqual([]);
    expect(seen.ministry).toEqual(['return', 'approve']);
    expect(seen.admin).toEqual(['return', 'approve']);
    // What is not offered is refused: the coordinator cannot approve.
    const refused = await as(t.app, sessions.coordinator, {
      method: 'POST',
      url: `/api/v1/reports/${reportId}/approve`,
      headers: { 'if-match': `"${version + 1}"` },
      payload: {},
    });
    expect(refused.statusCode).toBe(403);
    // STM approves for itself; OKM still has to, so STM is offered nothing more.
    const approved = await as(t.app, sessions.ministry, {
      method: 'POST',
      url: `/api/v1/reports/${reportId}/approve`,
      headers: { 'if-match': `"${version + 1}"` },
      payload: {},
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().capabilities).toEqual(['return']);
  });
});
