/**
 * A call's dates, money and counts over HTTP on SQLite and (with TEST_DATABASE_URL) PostgreSQL:
 * closing before opening is refused; more granted than the budget, more funded than eligible and
 * more eligible than received are saved only when confirmed with a reason, which is kept with the
 * call and in its audit entry; refusals name the field in the request's language and change
 * nothing. And the status the API gives follows the dates and Helsinki's today.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, ensureUser, signIn, type Session } from '../helpers/actors.js';
import type { Call, Problem } from '../../src/contracts/api.js';

const CALL = 'lanupe-rahoitushaku-2023';

describe.each(DIALECTS)('call checks on %s', (dialect) => {
  let t: TestApp;
  let finance: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await ensureUser(t.database.db, 'test-call-checks', [{ role: 'finance_expert', theme: 'lanupe' }]);
    finance = await signIn(t.app, 'test-call-checks');
  });
  afterAll(async () => t?.close());

  const record = async () =>
    (await as(t.app, finance, { method: 'GET', url: `/api/v1/calls/${CALL}/record` })).json() as Record<
      string,
      unknown
    > & { version: number };
  const patch = async (body: Record<string, unknown>, language = 'fi') => {
    const { version } = await record();
    return as(t.app, finance, {
      method: 'PATCH',
      url: `/api/v1/calls/${CALL}`,
      headers: { 'if-match': `"${version}"`, 'accept-language': language },
      payload: body,
    });
  };
  const refused = async (body: Record<string, unknown>, field: string, code: string, language = 'fi') => {
    const before = await record();
    const response = await patch(body, language);
    expect(response.statusCode, response.body).toBe(422);
    const error = (response.json() as Problem).errors?.find((e) => e.name === field && e.code === code);
    expect(error, response.body).toBeDefined();
    expect(await record()).toEqual(before);
    return error!;
  };

  it('refuses a closing date before the opening date, confirmed or not', async () => {
    const error = await refused({ closes: '2023-10-01' }, 'closes', 'closes_before_opens', 'sv');
    expect(error.reason).toMatch(/stänga innan den öppnar/);
    expect(error.confirmable).toBe(false);
  });

  it('saves more granted than the budget only with a confirmation and its reason', async () => {
    const budget = ((await record()).data as { budget: number | null }).budget;
    const body = { budget: 100_000_000, granted: 100_000_001 };
    const error = await refused(body, 'granted', 'granted_exceeds_budget', 'en');
    expect(error.reason).toMatch(/More is granted than the call/);
    const response = await patch({
      ...body,
      confirm: { checks: ['granted_exceeds_budget'], reason: 'Budjettia korotettiin päätöksellä 1.12.2023' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const stored = await record();
    expect((stored.data as { confirmation: unknown }).confirmation).toEqual({
      checks: ['granted_exceeds_budget'],
      reason: 'Budjettia korotettiin päätöksellä 1.12.2023',
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor', 'after'])
      .where('entity_type', '=', 'call')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor).toBe('test-call-checks');
    expect(String(audit.after)).toContain('Budjettia korotettiin');
    // Back as it was: the confirmed check no longer applies.
    expect((await patch({ budget, granted: 0 })).statusCode).toBe(200);
  });

  it('asks to confirm more funded than eligible and more eligible than received', async () => {
    await refused({ fundedEntities: 39 }, 'fundedEntities', 'funded_exceeds_eligible');
    await refused({ eligibleEntities: 58 }, 'eligibleEntities', 'eligible_exceeds_received');
    const confirmed = await patch({
      fundedEntities: 39,
      confirm: { checks: ['funded_exceeds_eligible'], reason: 'Yksi kokonaisuus jaettiin kahdeksi' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
  });

  it('gives each call a status from its dates and Helsinki’s today (23.11.2026)', async () => {
    const { items } = (await t.app.inject({ method: 'GET', url: '/api/v1/calls' })).json() as { items: Call[] };
    const status = new Map(items.map((call) => [call.key, call.status]));
    expect(status.get(CALL)).toBe('closed');
    expect(status.get('luovan-ideahaku-2022')).toBe('closing_unknown');
    expect(status.get('luovan-hankehaku-2023')).toBe('closing_unknown');
    expect(items.filter((call) => call.status === 'open')).toEqual([]);
  });
});
