/**
 * The mail the server under test has sent: it goes through SMTP to the sink of global-setup.ts (a
 * real SMTP server), which writes each message that arrived to a folder; read here in that order.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { ReceivedMail } from '../helpers/smtp.js';

/** Every message that has arrived for `address` (an envelope recipient), oldest first. */
export function mailTo(address: string): ReceivedMail[] {
  const dir = inject('mailDir');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as ReceivedMail)
    .filter((mail) => mail.to.includes(address));
}

/** The first address in a message's text that starts with `base` (the link to where it is done). */
export function linkIn(mail: ReceivedMail, base: string): string | null {
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}[^\\s<>"]*`).exec(mail.text)?.[0] ?? null;
}
