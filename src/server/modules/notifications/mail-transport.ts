/**
 * Where mail goes: an SMTP server (nodemailer), or, in development without SMTP settings, a folder
 * of .eml files that any mail program opens. The delivery worker does not know which.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type nodemailerModule from 'nodemailer';
import type { MailConfig } from '../../../config/env.js';

export type OutgoingMail = { id: number; to: string; subject: string; text: string; language: string };

export type MailTransport = {
  /** Resolves when the server has accepted the message; rejects with the reason otherwise. */
  send: (mail: OutgoingMail) => Promise<void>;
  describe: string;
  close: () => void;
};

// Loaded when mail is configured: a server without it does not carry nodemailer (about 3 MB of heap).
const loadNodemailer = () => createRequire(import.meta.url)('nodemailer') as typeof nodemailerModule;

export function createMailTransport(config: Exclude<MailConfig, { kind: 'none' }>): MailTransport {
  const nodemailer = loadNodemailer();
  const headers = (mail: OutgoingMail) => ({
    from: config.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    // The recipient's language, so mail programs and screen readers read it right.
    headers: { 'Content-Language': mail.language, 'X-Teemaseuranta-Outbox-Id': String(mail.id) },
  });
  if (config.kind === 'smtp') {
    // Timeouts well under the outbox's stale-claim time, so no other server takes a message still
    // being sent.
    const transporter = nodemailer.createTransport({
      url: config.url,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    });
    return {
      describe: `SMTP ${new URL(config.url).host}`,
      send: async (mail) => {
        await transporter.sendMail(headers(mail));
      },
      close: () => transporter.close(),
    };
  }
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    describe: `files in ${config.dir}`,
    send: async (mail) => {
      const info = await transporter.sendMail(headers(mail));
      mkdirSync(config.dir, { recursive: true });
      writeFileSync(join(config.dir, `${String(mail.id).padStart(6, '0')}.eml`), info.message as Buffer);
    },
    close: () => transporter.close(),
  };
}
