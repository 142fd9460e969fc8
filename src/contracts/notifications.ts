/** Mail: a person's own settings, the administrator's view of the outbox, the joint-theme rule. */
import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../domain/notifications.js';

export const ZLanguage = z.enum(['fi', 'sv', 'en']).meta({ id: 'Language' });
export const ZNotificationKind = z.enum(NOTIFICATION_KINDS).meta({ id: 'NotificationKind' });

export const ZNotificationSettings = z
  .object({
    /** The language of the person's mail. */
    language: ZLanguage,
    email: z.string().nullable(),
    kinds: z.array(z.object({ kind: ZNotificationKind, name: z.string(), receive: z.boolean() })),
  })
  .meta({ id: 'NotificationSettings' });

export const ZNotificationSettingsInput = z
  .strictObject({
    language: ZLanguage.optional(),
    /** Only the kinds named change. */
    receive: z.partialRecord(ZNotificationKind, z.boolean()).optional(),
  })
  .meta({ id: 'NotificationSettingsChange' });

export const ZDeliveryStatus = z.enum(['pending', 'sent', 'failed']);

export const ZDelivery = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    recipient: z.string(),
    language: z.string().nullable(),
    subject: z.string(),
    status: ZDeliveryStatus,
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    failedAt: z.string().nullable(),
  })
  .meta({ id: 'Delivery' });

export const ZApprovalRuleInput = z
  .discriminatedUnion('rule', [
    z.strictObject({ rule: z.literal('each') }),
    z.strictObject({ rule: z.literal('lead'), leadMinistry: z.string().min(2).max(10) }),
  ])
  .meta({ id: 'ApprovalRuleChange' });

export const ZApprovalRule = z
  .object({
    theme: z.string(),
    rule: z.enum(['each', 'lead']),
    leadMinistry: z.string().nullable(),
    ministries: z.array(z.string()),
    approvers: z.array(z.string()),
  })
  .meta({ id: 'ApprovalRule' });

/** What the service sends and how (the administrator's mail page): never a password or user name. */
export const ZMailSettings = z
  .object({
    transport: z
      .enum(['smtp', 'files', 'none'])
      .describe('smtp: sent through a mail server; files: written to a folder (development); none: not sent'),
    server: z.string().nullable().describe('The SMTP server as host:port, where mail is sent through one'),
    secure: z.boolean().nullable().describe('Whether the connection is TLS from the start (smtps)'),
    authenticated: z
      .boolean()
      .nullable()
      .describe('Whether the server is signed in to (the credentials are not shown)'),
    folder: z.string().nullable().describe('Where development mail is written, where it is'),
    from: z.string().nullable(),
    pollSeconds: z.number().int().nullable(),
    delivery: z.object({
      maxAttempts: z.number().int(),
      firstDelaySeconds: z.number().int(),
      maxDelaySeconds: z.number().int(),
    }),
    kinds: z.array(z.object({ kind: ZNotificationKind, name: z.string() })),
    counts: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
  })
  .meta({ id: 'MailSettings' });
