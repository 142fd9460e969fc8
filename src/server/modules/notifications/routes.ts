/**
 * Mail settings of the signed-in person (language, which kinds to receive) and the administrator's
 * view of deliveries: pending, sent and failed, with the attempts and the last error, and a retry
 * for a failed one; and what the service sends and how (SMTP or a folder; never its credentials).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZProblem } from '../../../contracts/api.js';
import {
  ZDelivery,
  ZDeliveryStatus,
  ZMailSettings,
  ZNotificationSettings,
  ZNotificationSettingsInput,
} from '../../../contracts/notifications.js';
import { writeAudit } from '../../../db/repositories/audit.js';
import { can } from '../../../domain/access.js';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../../../domain/errors.js';
import { DELIVERY, isLocale, NOTIFICATION_KIND_NAMES, NOTIFICATION_KINDS } from '../../../domain/notifications.js';
import type { AppDeps } from '../../app.js';
import { requestLocale } from '../../i18n.js';
import { requireUser } from '../../plugins/auth.js';
import { auditContext } from '../../request-context.js';

const tags = ['notifications'];
const errors = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 422: ZProblem };

export function notificationRoutes(base: FastifyInstance, { db, clock, mail }: AppDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();

  async function settings(userId: number, locale: 'fi' | 'sv' | 'en') {
    const user = await db
      .selectFrom('users')
      .select(['email', 'language'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const off = new Set(
      (await db.selectFrom('notification_opt_outs').select('kind').where('user_id', '=', userId).execute()).map(
        (r) => r.kind,
      ),
    );
    return {
      language: isLocale(user.language) ? user.language : ('fi' as const),
      email: user.email,
      kinds: NOTIFICATION_KINDS.map((kind) => ({
        kind,
        name: NOTIFICATION_KIND_NAMES[kind][locale],
        receive: !off.has(kind),
      })),
    };
  }

  app.get(
    '/api/v1/me/notifications',
    {
      schema: {
        tags,
        summary: 'My mail: its language and which kinds I receive',
        response: { 200: ZNotificationSettings, ...errors },
      },
    },
    async (request) => settings(requireUser(request).userId, requestLocale(request)),
  );

  app.patch(
    '/api/v1/me/notifications',
    {
      schema: {
        tags,
        summary: 'Change the language of my mail or which kinds I receive (only the kinds named change)',
        body: ZNotificationSettingsInput,
        response: { 200: ZNotificationSettings, ...errors },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const audit = auditContext(request, clock());
      await db.transaction().execute(async (trx) => {
        if (request.body.language)
          await trx
            .updateTable('users')
            .set({ language: request.body.language })
            .where('id', '=', actor.userId)
            .execute();
        for (const [kind, receive] of Object.entries(request.body.receive ?? {})) {
          await trx
            .deleteFrom('notification_opt_outs')
            .where('user_id', '=', actor.userId)
            .where('kind', '=', kind)
            .execute();
          if (!receive) await trx.insertInto('notification_opt_outs').values({ user_id: actor.userId, kind }).execute();
        }
        await writeAudit(trx, audit, {
          action: 'update',
          entityType: 'notification_settings',
          entityId: actor.userId,
          after: request.body,
        });
      });
      return settings(actor.userId, requestLocale(request));
    },
  );

  const status = (r: { sent_at: string | null; failed_at: string | null }) =>
    r.sent_at ? ('sent' as const) : r.failed_at ? ('failed' as const) : ('pending' as const);

  app.get(
    '/api/v1/admin/outbox',
    {
      schema: {
        tags,
        summary: 'Mail deliveries, newest first: failed ones (attempts used up) are what to look at',
        querystring: z.object({
          status: ZDeliveryStatus.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(ZDelivery) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      if (!can(actor, 'audit.read')) throw new ForbiddenError('audit.read');
      let query = db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(request.query.limit);
      if (request.query.status === 'sent') query = query.where('sent_at', 'is not', null);
      if (request.query.status === 'failed') query = query.where('failed_at', 'is not', null);
      if (request.query.status === 'pending') query = query.where('sent_at', 'is', null).where('failed_at', 'is', null);
      const rows = await query.execute();
      return {
        items: rows.map((r) => ({
          id: Number(r.id),
          kind: r.kind,
          recipient: r.recipient,
          language: r.language,
          subject: r.subject,
          status: status(r),
          attempts: Number(r.attempts),
          lastError: r.last_error,
          nextAttemptAt: r.sent_at || r.failed_at ? null : r.next_attempt_at,
          createdAt: r.created_at,
          sentAt: r.sent_at,
          failedAt: r.failed_at,
        })),
      };
    },
  );

  app.get(
    '/api/v1/admin/mail',
    {
      schema: {
        tags,
        summary: 'What the service sends and how: SMTP or a folder, retries, the outbox by state (no secrets)',
        response: { 200: ZMailSettings, ...errors },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      if (!can(actor, 'audit.read')) throw new ForbiddenError('audit.read');
      const locale = requestLocale(request);
      const count = async (state: 'pending' | 'sent' | 'failed') => {
        let query = db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n'));
        if (state === 'sent') query = query.where('sent_at', 'is not', null);
        if (state === 'failed') query = query.where('failed_at', 'is not', null);
        if (state === 'pending') query = query.where('sent_at', 'is', null).where('failed_at', 'is', null);
        return Number((await query.executeTakeFirstOrThrow()).n);
      };
      // The SMTP address may hold a user name and password: only the host, port and whether one signs in are shown.
      const smtp = mail?.kind === 'smtp' ? new URL(mail.url) : null;
      return {
        transport: mail?.kind ?? 'none',
        server: smtp ? `${smtp.hostname}:${smtp.port || (smtp.protocol === 'smtps:' ? '465' : '587')}` : null,
        secure: smtp ? smtp.protocol === 'smtps:' : null,
        authenticated: smtp ? smtp.username !== '' : null,
        folder: mail?.kind === 'files' ? mail.dir : null,
        from: mail?.from ?? null,
        pollSeconds: mail ? Math.round(mail.pollMs / 1000) : null,
        delivery: {
          maxAttempts: DELIVERY.maxAttempts,
          firstDelaySeconds: Math.round(DELIVERY.firstDelayMs / 1000),
          maxDelaySeconds: Math.round(DELIVERY.maxDelayMs / 1000),
        },
        kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, name: NOTIFICATION_KIND_NAMES[kind][locale] })),
        counts: { pending: await count('pending'), sent: await count('sent'), failed: await count('failed') },
      };
    },
  );

  app.post(
    '/api/v1/admin/outbox/:id/retry',
    {
      schema: {
        tags,
        summary: 'Queue a failed message again (after the address or the mail server is fixed)',
        params: z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      if (!can(actor, 'audit.read')) throw new ForbiddenError('audit.read');
      const audit = auditContext(request, clock());
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('outbox')
          .select(['id', 'failed_at'])
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!row) throw new NotFoundError('outbox', String(request.params.id));
        if (!row.failed_at)
          throw new RuleViolationError([
            {
              field: 'status',
              message: {
                fi: 'Vain epäonnistunut viesti lähetetään uudelleen.',
                sv: 'Endast ett misslyckat meddelande skickas på nytt.',
                en: 'Only a failed message is sent again.',
              },
            },
          ]);
        await trx
          .updateTable('outbox')
          .set({ failed_at: null, attempts: 0, next_attempt_at: audit.at })
          .where('id', '=', Number(row.id))
          .execute();
        await writeAudit(trx, audit, { action: 'retry', entityType: 'outbox', entityId: Number(row.id) });
      });
      return reply.status(204).send(null);
    },
  );
}
