/** Who approves a joint theme's report, and when it is approved (domain/reports/approval.ts). */
import { describe, expect, it } from 'vitest';
import {
  approvalRuleProblem,
  approvalStep,
  approvingMinistries,
  mayDecide,
} from '../../src/domain/reports/approval.js';
import { retryDelayMs } from '../../src/domain/notifications.js';

describe('joint themes', () => {
  const joint = ['STM', 'OKM'];

  it('needs each responsible ministry by default, the lead ministry alone under a lead rule', () => {
    expect(approvingMinistries(joint, { rule: 'each' })).toEqual(['OKM', 'STM']);
    expect(approvingMinistries(joint, { rule: 'lead', leadMinistry: 'STM' })).toEqual(['STM']);
    expect(approvalRuleProblem(joint, { rule: 'lead', leadMinistry: 'TEM' })?.en).toContain('(STM, OKM)');
    expect(approvalRuleProblem(joint, { rule: 'lead', leadMinistry: 'OKM' })).toBeNull();
  });

  it('approves only when the last required ministry has approved', () => {
    const required = approvingMinistries(joint, { rule: 'each' });
    const first = approvalStep({ required, approved: [], actorMinistries: ['STM'], admin: false });
    expect(first).toEqual({ ok: true, approve: ['STM'], complete: false, missing: ['OKM'] });
    const again = approvalStep({ required, approved: ['STM'], actorMinistries: ['STM'], admin: false });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.problem.fi).toContain('odotetaan: OKM');
    expect(approvalStep({ required, approved: ['STM'], actorMinistries: ['OKM'], admin: false })).toEqual({
      ok: true,
      approve: ['OKM'],
      complete: true,
      missing: [],
    });
    // The managing authority stands for every ministry still missing.
    expect(approvalStep({ required, approved: [], actorMinistries: [], admin: true })).toMatchObject({
      complete: true,
      approve: ['OKM', 'STM'],
    });
    // A single-ministry theme is approved at once.
    expect(approvalStep({ required: ['TEM'], approved: [], actorMinistries: ['TEM'], admin: false })).toMatchObject({
      complete: true,
    });
  });

  it('under a lead rule the other ministry neither approves nor returns', () => {
    const required = approvingMinistries(joint, { rule: 'lead', leadMinistry: 'STM' });
    const okm = approvalStep({ required, approved: [], actorMinistries: ['OKM'], admin: false });
    expect(okm.ok).toBe(false);
    if (!okm.ok) expect(okm.problem.en).toBe('The report is approved by STM.');
    expect(mayDecide(required, ['OKM'], false)).toBe(false);
    expect(mayDecide(required, ['STM'], false)).toBe(true);
  });
});

describe('mail delivery retries', () => {
  it('wait longer after each failure, up to a cap', () => {
    const policy = { firstDelayMs: 1000, maxDelayMs: 5000 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, policy))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});
