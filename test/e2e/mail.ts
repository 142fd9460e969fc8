/**
 * The mail the file's server has sent: it goes through SMTP to the file's sink (a real SMTP server,
 * test/e2e/server.ts), which keeps each message in the order of arrival.
 */
import type { ReceivedMail } from '../helpers/smtp.js';
import { currentServer } from './server.js';

/** Every message that has arrived for `address` (an envelope recipient), oldest first. */
export function mailTo(address: string): ReceivedMail[] {
  return currentServer().mail.filter((mail) => mail.to.includes(address));
}

/** The first address in a message's text that starts with `base` (the link to where it is done). */
export function linkIn(mail: ReceivedMail, base: string): string | null {
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}[^\\s<>"]*`).exec(mail.text)?.[0] ?? null;
}
