/**
 * Entering the four figures over HTTP, as an ELY finance expert would, on SQLite and (with
 * TEST_DATABASE_URL) PostgreSQL: the as-of date between the programme's start and Helsinki's today,
 * order breaks and large changes only with a confirmation and its reason (kept with the entry), a
 * second entry for a date asks for a correction, corrections and withdrawals that the public figures
 * and totals follow, the precision of an amount kept, and of 20 entries written at once on the same
 * snapshot exactly one accepted. Every refusal names the field in the request's language and
 * changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/app.js';
import { as, ensureUser, signIn, THEME, type Session } from '../helpers/actors.js';
import type { Problem, ThemeDetail, ThemeSummary } from '../../src/contracts/api.js';

const URL = `/api/v1/themes/${THEME}/finance`;
// LANUPE as of 31.10.2024 (seed 001): 13 M€ + 10 M€, 5 710 321 €, 3 601 296 €, 0 €.
const LANUPE = { frame: 2_300_000_000, reserved: 571_032_100, committed: 360_129_600, paid: 0 };
/** Committed after the confirmed order break below (one euro above reservations); later entries keep it. */
const COMMITTED = LANUPE.reserved + 100;

describe.each(DIALECTS)('finance entries on %s', (dialect) => {
  let t: TestApp;
  let finance: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await ensureUser(t.database.db, 'test-finance-entries', [{ role: 'finance_expert', theme: THEME }]);
    finance = await signIn(t.app, 'test-finance-entries');
  });
  afterAll(async () => t?.close());

  const detail = async () =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/themes/${THEME}` })).json() as ThemeDetail;
  const summary = async () =>
    ((await t.app.inject({ method: 'GET', url: '/api/v1/themes' })).json() as { items: ThemeSummary[] }).items.find(
      (theme) => theme.slug === THEME,
    )!;
  const stored = async () => {
    const db = t.database.db;
    const count = async (table: 'finance_snapshots' | 'audit_log') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { snapshots: await count('finance_snapshots'), audit: await count('audit_log') };
  };
  const post = async (body: Record<string, unknown>, language = 'fi', url = URL) => {
    const head = (await detail()).financeHead;
    return as(t.app, finance, {
      method: 'POST',
      url,
      headers: { 'accept-language': language },
      payload: { basedOnSnapshot: head, reason: 'Tilanne', ...body },
    });
  };
  /** A refused write: 422 naming the field with the code, and nothing stored. */
  const expectRefused = async (body: Record<string, unknown>, field: string, code: string, language = 'fi') => {
    const before = await stored();
    const response = await post(body, language);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const problem = response.json() as Problem;
    const error = problem.errors?.find((e) => e.name === field && e.code === code);
    expect(error, response.body).toBeDefined();
    expect(await stored()).toEqual(before);
    return error!;
  };

  it('refuses an as-of date in the future, 9999-12-31, before 2021 or that does not exist', async () => {
    // FIXED_NOW is 23.11.2026 12.00 in Helsinki.
    expect(FIXED_NOW.toISOString().slice(0, 10)).toBe('2026-11-23');
    const future = await expectRefused({ ...LANUPE, asOf: '2026-11-24' }, 'asOf', 'date_in_future', 'sv');
    expect(future.reason).toMatch(/framtiden/);
    await expectRefused({ ...LANUPE, asOf: '2020-12-31' }, 'asOf', 'date_before_programme');
    // A day that does not exist, or one outside any sane range, is refused by the contract itself
    // (contracts/input.ts) before the finance rules run: 400 naming the field, nothing stored.
    for (const asOf of ['9999-12-31', '2024-02-30']) {
      const before = await stored();
      const response = await post({ ...LANUPE, asOf }, 'en');
      expect(response.statusCode, response.body).toBe(400);
      const problem = response.json() as Problem;
      expect(problem.errors?.find((e) => e.name === 'asOf')?.reason).toMatch(/real day/);
      expect(await stored()).toEqual(before);
    }
    expect((await summary()).finance?.asOf).toBe('2024-10-31');
  });

  it('saves an order break only when confirmed with a reason, and shows who, when and why', async () => {
    const body = { asOf: '2024-11-30', ...LANUPE, committed: LANUPE.reserved + 100, paid: 0 };
    const error = await expectRefused(body, 'committed', 'committed_exceeds_reserved');
    expect(error.confirmable).toBe(true);
    expect(error.reason).toMatch(/sidotut valtuudet/i);
    // A confirmation of another check does not let it through.
    await expectRefused(
      { ...body, confirm: { checks: ['large_change'], reason: 'x' } },
      'committed',
      'committed_exceeds_reserved',
    );
    const response = await post({
      ...body,
      confirm: { checks: ['committed_exceeds_reserved', 'large_change'], reason: 'EURA-raportin mukaan näin' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const entry = (await detail()).financeHistory.find((e) => e.asOf === '2024-11-30')!;
    expect(entry.confirmation).toEqual({
      checks: ['committed_exceeds_reserved:committed', 'large_change:committed'],
      reason: 'EURA-raportin mukaan näin',
    });
    expect(entry.recordedBy).toBe('test-finance-entries');
    expect(entry.recordedAt).toBe(FIXED_NOW.toISOString());
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor', 'reason'])
      .where('entity_type', '=', 'finance_snapshot')
      .where('entity_id', '=', String(entry.id))
      .executeTakeFirstOrThrow();
    expect(audit.reason).toMatch(/EURA-raportin mukaan näin/);
  });

  it('refuses reserved above the frame and paid above committed without confirmation', async () => {
    await expectRefused(
      { asOf: '2024-12-15', ...LANUPE, reserved: LANUPE.frame + 1 },
      'reserved',
      'reserved_exceeds_frame',
    );
    await expectRefused(
      { asOf: '2024-12-15', ...LANUPE, paid: LANUPE.committed + 1 },
      'paid',
      'paid_exceeds_committed',
    );
  });

  it('asks to confirm a large change against the current entry (12500000.5 read as 125 000 005 €)', async () => {
    const current = (await summary()).finance!;
    const error = await expectRefused(
      { asOf: '2024-12-31', ...LANUPE, committed: current.committed, reserved: 12_500_000_500 },
      'reserved',
      'large_change',
    );
    expect(error.reason).toMatch(/Suuri muutos/);
  });

  it('asks to correct the entry of a date that already has one, and the correction becomes the figures', async () => {
    const first = await post({ asOf: '2025-03-31', ...LANUPE, reserved: 600_000_000, committed: COMMITTED });
    expect(first.statusCode, first.body).toBe(201);
    const firstId = (first.json() as { id: number }).id;
    const again = await expectRefused(
      { asOf: '2025-03-31', ...LANUPE, reserved: 610_000_000, committed: COMMITTED },
      'asOf',
      'same_date',
    );
    expect(again.confirmable).toBe(false);
    const correction = await post({
      asOf: '2025-03-31',
      ...LANUPE,
      reserved: 610_000_000,
      committed: COMMITTED,
      corrects: firstId,
      reason: 'Varaukset korjattu',
    });
    expect(correction.statusCode, correction.body).toBe(201);
    const history = (await detail()).financeHistory;
    const original = history.find((e) => e.id === firstId)!;
    const corrected = history.find((e) => e.supersedes === firstId)!;
    expect(original.supersededBy).toBe(corrected.id);
    expect(original.current).toBe(false);
    expect(corrected).toMatchObject({ kind: 'correction', current: true, reserved: 610_000_000 });
    expect((await summary()).finance?.reserved).toBe(610_000_000);
    // The same entry cannot be corrected twice.
    await expectRefused({ asOf: '2025-03-31', ...LANUPE, corrects: firstId }, 'corrects', 'not_correctable');
  });

  it('a withdrawn entry leaves the public figures and the totals; the history keeps both', async () => {
    const before = (await summary()).finance!;
    const typo = await post({
      asOf: '2025-06-30',
      ...LANUPE,
      reserved: before.reserved! + 90_000_000,
      committed: before.committed,
    });
    expect(typo.statusCode, typo.body).toBe(201);
    const typoId = (typo.json() as { id: number }).id;
    expect((await summary()).finance?.asOf).toBe('2025-06-30');
    const totalBefore = await nationalReserved();
    const withdrawal = await post({ reason: 'Kirjattu väärälle teemalle' }, 'fi', `${URL}/${typoId}/withdrawal`);
    expect(withdrawal.statusCode, withdrawal.body).toBe(201);
    const after = (await summary()).finance!;
    expect(after.asOf).toBe(before.asOf);
    expect(after.reserved).toBe(before.reserved);
    expect(await nationalReserved()).toBe(totalBefore - 90_000_000);
    const history = (await detail()).financeHistory;
    expect(history.find((e) => e.id === typoId)).toMatchObject({ supersededBy: expect.any(Number), current: false });
    expect(history.find((e) => e.supersedes === typoId)).toMatchObject({ kind: 'withdrawal', reserved: null });
  });

  async function nationalReserved(): Promise<number> {
    const { items } = (await t.app.inject({ method: 'GET', url: '/api/v1/themes' })).json() as {
      items: ThemeSummary[];
    };
    return items.reduce((sum, theme) => sum + (theme.finance?.reserved ?? 0), 0);
  }

  it('keeps a rounded or approximate amount so, and "ei vielä" as 0 € with the words', async () => {
    const response = await post({
      asOf: '2025-09-30',
      ...LANUPE,
      reserved: 610_000_000,
      committed: COMMITTED,
      precision: { frame: 'rounded' },
      asWritten: { paid: 'ei vielä' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const current = (await summary()).finance!;
    expect(current.precision).toEqual({ frame: 'rounded', reserved: 'exact', committed: 'exact', paid: 'exact' });
    expect(current.paid).toBe(0);
    expect(current.asWritten.paid).toBe('ei vielä');
  });

  it('of 20 entries written at once on the same snapshot exactly one is accepted', async () => {
    const head = (await detail()).financeHead;
    const before = await stored();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        as(t.app, finance, {
          method: 'POST',
          url: URL,
          payload: {
            asOf: '2025-12-31',
            ...LANUPE,
            reserved: 620_000_000 + i,
            committed: COMMITTED,
            reason: `Rinnakkain ${i}`,
            basedOnSnapshot: head,
          },
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const after = await stored();
    expect(after.snapshots).toBe(before.snapshots + 1);
    expect(after.audit).toBe(before.audit + 1);
  });

  it('of 20 entries at once without a basis exactly one is accepted too (the chain position decides)', async () => {
    const before = await stored();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        as(t.app, finance, {
          method: 'POST',
          url: URL,
          payload: { asOf: '2026-01-31', ...LANUPE, reserved: 620_000_000, committed: COMMITTED + i, reason: 'x' },
        }),
      ),
    );
    const accepted = responses.filter((r) => r.statusCode === 201).length;
    // SQLite runs the transactions one after another, so a later one sees the first and is told the
    // date is taken (422); PostgreSQL's lose on the unique chain position (409). One wins either way.
    expect(accepted).toBe(1);
    expect(responses.every((r) => [201, 409, 422].includes(r.statusCode))).toBe(true);
    expect((await stored()).snapshots).toBe(before.snapshots + 1);
  });
});
