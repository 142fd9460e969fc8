/**
 * A theme's stated rule for approving its report (domain/reports/approval.ts): read by anyone who
 * reads the theme's report, set by the managing authority, audited.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZProblem } from '../../../contracts/api.js';
import { ZApprovalRule, ZApprovalRuleInput } from '../../../contracts/notifications.js';
import type { Db } from '../../../db/database.js';
import { writeAudit } from '../../../db/repositories/audit.js';
import { can } from '../../../domain/access.js';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../../../domain/errors.js';
import { approvalRuleProblem, approvingMinistries, approvalRuleOf } from '../../../domain/reports/approval.js';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../plugins/auth.js';
import { auditContext } from '../../request-context.js';
import { themeScope } from '../editing/resource.js';
import { READ_REPORT } from './report-access.js';

async function loadRule(db: Db, slug: string) {
  const theme = await db
    .selectFrom('themes')
    .select(['id', 'slug', 'approval_rule', 'lead_ministry'])
    .where('slug', '=', slug)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!theme) throw new NotFoundError('theme', slug);
  const ministries = (
    await db.selectFrom('theme_ministries').select('ministry').where('theme_id', '=', Number(theme.id)).execute()
  )
    .map((m) => m.ministry)
    .sort();
  const rule = approvalRuleOf(theme.approval_rule, theme.lead_ministry);
  return {
    id: Number(theme.id),
    body: {
      theme: theme.slug,
      rule: rule.rule,
      leadMinistry: rule.rule === 'lead' ? rule.leadMinistry : null,
      ministries,
      approvers: approvingMinistries(ministries, rule),
    },
  };
}

export function approvalRuleRoutes(base: FastifyInstance, { db, clock }: AppDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ slug: z.string().max(100) });
  const errors = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 422: ZProblem };

  app.get(
    '/api/v1/themes/:slug/approval-rule',
    {
      schema: {
        tags: ['reports'],
        summary: "Who approves the theme's report",
        params,
        response: { 200: ZApprovalRule, ...errors },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const { id, body } = await loadRule(db, request.params.slug);
      const scope = await themeScope(db, id);
      if (!READ_REPORT.some((p) => can(actor, p, scope))) throw new ForbiddenError(READ_REPORT[0]!);
      return body;
    },
  );

  app.put(
    '/api/v1/themes/:slug/approval-rule',
    {
      schema: {
        tags: ['reports'],
        summary:
          'State who approves a joint theme: each responsible ministry, or a lead ministry for all (the managing authority)',
        params,
        body: ZApprovalRuleInput,
        response: { 200: ZApprovalRule, ...errors },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      if (!can(actor, 'review.manage')) throw new ForbiddenError('review.manage');
      const audit = auditContext(request, clock());
      return db.transaction().execute(async (trx) => {
        const before = await loadRule(trx, request.params.slug);
        const rule = request.body;
        const problem = approvalRuleProblem(before.body.ministries, rule);
        if (problem) throw new RuleViolationError([{ field: 'leadMinistry', message: problem }]);
        await trx
          .updateTable('themes')
          .set({ approval_rule: rule.rule, lead_ministry: rule.rule === 'lead' ? rule.leadMinistry : null })
          .where('id', '=', before.id)
          .execute();
        const after = await loadRule(trx, request.params.slug);
        await writeAudit(trx, audit, {
          action: 'set_approval_rule',
          entityType: 'theme',
          entityId: before.id,
          before: before.body,
          after: after.body,
        });
        return after.body;
      });
    },
  );
}
