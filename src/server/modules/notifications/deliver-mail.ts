/**
 * The delivery worker: every app server runs one. Each pass claims due messages from the outbox
 * (a conditional UPDATE, so no two servers send the same one), hands them to the transport and
 * records the outcome: sent, or failed with the error and the next attempt after a growing delay,
 * or, once the attempts are used up, failed for good, which the administrator sees
 * (`GET /api/v1/outbox?status=failed`). Nothing is deleted, so nothing is lost silently.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/database.js';
import { claimDue, markFailed, markSent } from '../../../db/repositories/outbox.js';
import { DELIVERY, EMAIL_ADDRESS, isLocale, mailText, retryDelayMs } from '../../../domain/notifications.js';
import type { MailTransport } from './mail-transport.js';

export type DeliveryPolicy = { maxAttempts: number; firstDelayMs: number; maxDelayMs: number };

export type DeliveryDeps = {
  db: Db;
  transport: MailTransport;
  clock: () => Date;
  /** Names this server in the claim; unique per process. */
  worker: string;
  /** PUBLIC_URL: links in the mail are absolute with it, paths without. */
  publicUrl?: string | null;
  policy?: DeliveryPolicy;
  batch?: number;
};

export type PassResult = { sent: number; retrying: number; failed: number };

export const workerName = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** One pass over what is due now. */
export async function deliverDue(deps: DeliveryDeps): Promise<PassResult> {
  const policy = deps.policy ?? DELIVERY;
  const result: PassResult = { sent: 0, retrying: 0, failed: 0 };
  const rows = await claimDue(deps.db, deps.worker, deps.clock(), deps.batch ?? 50);
  for (const row of rows) {
    const attempt = row.attempts + 1;
    try {
      // An old reminder to a theme with no address (`teema:…`) can never be delivered: say so now.
      if (!EMAIL_ADDRESS.test(row.recipient)) throw new PermanentError(`no e-mail address: ${row.recipient}`);
      const language = isLocale(row.language) ? row.language : 'fi';
      const link = row.link && deps.publicUrl ? new URL(row.link, deps.publicUrl).toString() : row.link;
      await deps.transport.send({
        id: row.id,
        to: row.recipient,
        subject: row.subject,
        text: mailText(language, row.body, link),
        language,
      });
      await markSent(deps.db, row.id, deps.worker, deps.clock());
      result.sent += 1;
    } catch (error) {
      const now = deps.clock();
      const permanent = error instanceof PermanentError || attempt >= policy.maxAttempts;
      const retryAt = permanent ? null : new Date(now.getTime() + retryDelayMs(attempt, policy));
      await markFailed(deps.db, row.id, deps.worker, now, describeError(error), retryAt);
      if (permanent) result.failed += 1;
      else result.retrying += 1;
    }
  }
  return result;
}

class PermanentError extends Error {}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const smtp = error as Error & { responseCode?: number; response?: string; code?: string };
  return [smtp.code, smtp.responseCode, smtp.response ?? error.message].filter(Boolean).join(' ');
}

/** Polls every `intervalMs` until stopped; a pass that throws (database away) is logged and retried. */
export function startDeliveryWorker(
  deps: DeliveryDeps,
  intervalMs: number,
  log: { error: (obj: unknown, msg: string) => void },
): { stop: () => Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = deliverDue(deps)
      .catch((error: unknown) => log.error({ err: error }, 'mail delivery pass failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  let timer: NodeJS.Timeout = setTimeout(tick, 0);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      deps.transport.close();
    },
  };
}
