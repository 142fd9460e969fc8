/** The mail the server under test has sent: it writes .eml files (no SMTP server in the browser tests). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { parseMail, type ReceivedMail } from '../helpers/smtp.js';

export function mailTo(address: string): ReceivedMail[] {
  const dir = inject('mailDir');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => {
      const raw = readFileSync(join(dir, name), 'utf8');
      const to = /^To:\s*(.*)$/im.exec(raw)?.[1]?.trim() ?? '';
      return parseMail(raw, [to]);
    })
    .filter((mail) => mail.to.includes(address));
}
