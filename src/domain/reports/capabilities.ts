/**
 * What the signed-in person may do with a theme report now: the report workflow (report.ts), the
 * approval rule (approval.ts) and who may do what (access.ts), in one function. The server sends
 * the answer with each report; the web shows exactly these actions and keeps no rules of its own.
 */
import { can, type Actor, type Scope } from '../access.js';
import { approvalStep, mayDecide } from './approval.js';
import { EDITABLE_STATES, nextState, type ReportState } from './report.js';

export const REPORT_CAPABILITIES = ['edit', 'submit', 'return', 'approve'] as const;
export type ReportCapability = (typeof REPORT_CAPABILITIES)[number];

export function reportCapabilities(
  actor: Actor,
  scope: Scope,
  report: { state: ReportState; approvals: { required: readonly string[]; approved: readonly string[] } },
): ReportCapability[] {
  if (actor.kind !== 'user') return [];
  const capabilities: ReportCapability[] = [];
  if (can(actor, 'report.edit', scope)) {
    if (EDITABLE_STATES.includes(report.state)) capabilities.push('edit');
    if (nextState(report.state, 'submit')) capabilities.push('submit');
  }
  if (can(actor, 'report.approve', scope)) {
    const admin = actor.roles.some((r) => r.role === 'admin');
    const actorMinistries = actor.roles.flatMap((r) =>
      r.role === 'ministry_official' && r.ministry ? [r.ministry] : [],
    );
    const { required, approved } = report.approvals;
    if (nextState(report.state, 'return') && mayDecide(required, actorMinistries, admin)) capabilities.push('return');
    if (nextState(report.state, 'approve') && approvalStep({ required, approved, actorMinistries, admin }).ok)
      capabilities.push('approve');
  }
  return capabilities;
}
