/**
 * Reading steering groups and meetings, their documents and invitation, and the minutes' workflow.
 * Writes of groups, memberships, meetings, agenda items and decision records go through the generic
 * write API (modules/editing). The signed-out public sees only published minutes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ZProblem } from '../../../contracts/api.js';
import {
  ZActionsQuery,
  ZDecisionRecord,
  ZDocumentParams,
  ZDocumentQuery,
  ZGroupKeyParams,
  ZGroupMember,
  ZMeetingDetail,
  ZMeetingKeyParams,
  ZMeetingSummary,
  ZMembersQuery,
  ZPublishedQuery,
  ZStepBody,
  ZSteeringGroupDetail,
  ZSteeringGroupSummary,
  type MeetingContent,
  type MeetingDetail,
} from '../../../contracts/meetings.js';
import type { Db } from '../../../db/database.js';
import {
  findGroup,
  findMeeting,
  getMeeting,
  getSteeringGroup,
  groupActions,
  listGroups,
  listMeetings,
  listMembers,
  listPublishedMinutes,
  meetingChairUserIds,
} from '../../../db/repositories/meetings.js';
import { meetingCapabilities } from '../../../domain/capabilities.js';
import { meetingStarted, type MinutesStatus } from '../../../domain/meetings.js';
import { can, type Actor } from '../../../domain/access.js';
import { ForbiddenError, NotFoundError, NotSignedInError, RuleViolationError } from '../../../domain/errors.js';
import { meetingInvitation, renderMeetingFile, type MeetingFile } from '../../../documents/meetings/meeting-files.js';
import type { AppDeps } from '../../app.js';
import { DOCUMENT_CONTENT_SECURITY_POLICY } from '../../plugins/security-headers.js';
import type { TypedApp } from '../../typed-app.js';
import { auditContext } from '../../request-context.js';
import { steeringGroupScope } from '../editing/resource.js';
import { basedOnVersion } from '../editing/routes.js';
import {
  approvePreviousMinutes,
  checkMinutes,
  requestMinutesCheck,
  publishMinutes,
  returnMinutes,
  type WorkflowDeps,
} from './minutes-workflow.js';
import { helsinkiDate, helsinkiTime } from '../../../domain/helsinki-time.js';

const tags = ['steering groups'];
const errors = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem };
const writeErrors = { ...errors, 409: ZProblem, 422: ZProblem, 428: ZProblem };

/** Group material is for the group (secretary, members), its themes' ministries and the managing authority. */
async function requireGroupReader(db: Db, actor: Actor, groupId: number): Promise<void> {
  if (actor.kind !== 'user') throw new NotSignedInError();
  const scope = await steeringGroupScope(db, groupId);
  if (!can(actor, 'steering_group.read', scope) && !can(actor, 'meeting.edit', scope))
    throw new ForbiddenError('steering_group.read');
}

async function groupFor(db: Db, actor: Actor, key: string) {
  const group = await findGroup(db, key);
  if (!group) throw new NotFoundError('steering_group', key);
  await requireGroupReader(db, actor, Number(group.id));
  return group;
}

/**
 * The meeting with what this person may do with it now (domain/capabilities.ts): the page offers
 * exactly these actions. The public, reading published minutes, may do nothing.
 */
async function withCapabilities(db: Db, actor: Actor, meeting: MeetingContent, now: Date): Promise<MeetingDetail> {
  const row = actor.kind === 'user' ? await findMeeting(db, meeting.key) : undefined;
  if (!row) return { ...meeting, capabilities: [] };
  const scope = {
    ...(await steeringGroupScope(db, Number(row.steering_group_id))),
    chairUserIds: await meetingChairUserIds(db, Number(row.id)),
  };
  const previous = meeting.previousMeeting ? await findMeeting(db, meeting.previousMeeting) : undefined;
  const capabilities = meetingCapabilities(actor, scope, {
    minutesStatus: meeting.minutesStatus,
    started: meetingStarted(meeting, { date: helsinkiDate(now), time: helsinkiTime(now) }),
    chaired: meeting.chairedBy !== null,
    quorumReached: meeting.quorum.reached,
    previousMinutesStatus: previous ? (previous.minutes_status as MinutesStatus) : null,
  });
  return { ...meeting, capabilities };
}

async function meetingFor(
  db: Db,
  actor: Actor,
  key: string,
  options: { publicIfPublished: boolean },
): Promise<MeetingContent> {
  const row = await findMeeting(db, key);
  if (!row) throw new NotFoundError('meeting', key);
  // The group's readers see the meeting whole. Published minutes are public, as the public copy
  // (repositories/meetings.ts: published data only); anything else needs the group's roles (401
  // signed out, 403 not yours).
  try {
    await requireGroupReader(db, actor, Number(row.steering_group_id));
  } catch (refused) {
    if (options.publicIfPublished && row.minutes_status === 'published') return (await getMeeting(db, key, 'public'))!;
    throw refused;
  }
  return (await getMeeting(db, key))!;
}

const sendFile = (reply: FastifyReply, file: MeetingFile, inline: boolean) => {
  // The HTML document is whole by itself (font embedded): the policy for stand-alone documents.
  if (file.contentType.startsWith('text/html'))
    reply.header('content-security-policy', DOCUMENT_CONTENT_SECURITY_POLICY);
  return reply
    .type(file.contentType)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${file.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(file.body);
};

export function meetingRoutes(app: TypedApp, deps: AppDeps): void {
  const { db, clock, pdf } = deps;
  const workflowDeps = (request: FastifyRequest): WorkflowDeps => ({
    db,
    actor: request.actor,
    audit: auditContext(request, clock()),
  });
  const today = () => helsinkiDate(clock());

  app.get(
    '/api/v1/steering-groups',
    {
      schema: {
        tags,
        summary: 'Steering groups and the themes they steer (membership needs a role)',
        response: { 200: z.object({ items: z.array(ZSteeringGroupSummary) }) },
      },
    },
    async () => ({ items: await listGroups(db) }),
  );

  app.get(
    '/api/v1/steering-groups/:key',
    {
      schema: {
        tags,
        summary:
          'A steering group as of a date: chair, vice-chair, secretaries, member/deputy seats, permanent experts, term, diary number',
        params: ZGroupKeyParams,
        querystring: ZMembersQuery,
        response: { 200: ZSteeringGroupDetail, ...errors },
      },
    },
    async (request) => {
      const { key } = request.params;
      const { at } = request.query;
      await groupFor(db, request.actor, key);
      return (await getSteeringGroup(db, key, at ?? today()))!;
    },
  );

  app.get(
    '/api/v1/steering-groups/:key/members',
    {
      schema: {
        tags,
        summary: 'Every membership the group has had, ended and current: the membership history',
        params: ZGroupKeyParams,
        response: { 200: z.object({ items: z.array(ZGroupMember) }), ...errors },
      },
    },
    async (request) => {
      const { key } = request.params;
      const group = await groupFor(db, request.actor, key);
      return { items: await listMembers(db, Number(group.id)) };
    },
  );

  app.get(
    '/api/v1/steering-groups/:key/meetings',
    {
      schema: {
        tags,
        summary: "The group's meetings, newest first",
        params: ZGroupKeyParams,
        response: { 200: z.object({ items: z.array(ZMeetingSummary) }), ...errors },
      },
    },
    async (request) => {
      const { key } = request.params;
      const group = await groupFor(db, request.actor, key);
      return { items: await listMeetings(db, Number(group.id), { publishedOnly: false }) };
    },
  );

  app.get(
    '/api/v1/steering-groups/:key/action-items',
    {
      schema: {
        tags,
        summary: "The group's action items across its meetings, with owner, due date and status",
        params: ZGroupKeyParams,
        querystring: ZActionsQuery,
        response: { 200: z.object({ items: z.array(ZDecisionRecord) }), ...errors },
      },
    },
    async (request) => {
      const { key } = request.params;
      const { status } = request.query;
      const group = await groupFor(db, request.actor, key);
      return { items: await groupActions(db, Number(group.id), status) };
    },
  );

  app.get(
    '/api/v1/meetings/:key',
    {
      schema: {
        tags,
        summary:
          'A meeting: time, place, attendance, agenda and minutes item by item, decisions and the open action items carried to it',
        params: ZMeetingKeyParams,
        response: { 200: ZMeetingDetail, ...errors },
      },
    },
    async (request, reply) => {
      const { key } = request.params;
      const meeting = await meetingFor(db, request.actor, key, { publicIfPublished: false });
      return reply
        .header('etag', `"${meeting.version}"`)
        .send(await withCapabilities(db, request.actor, meeting, clock()));
    },
  );

  // The agenda and the minutes: the same document routes, differing in what they show and when the
  // public may see them (published minutes only).
  const documentRoutes = [
    {
      document: 'agenda',
      summary: 'The agenda (esityslista) as HTML, DOCX or PDF, in Finnish or Swedish',
      publicIfPublished: false,
    },
    {
      document: 'minutes',
      summary: 'The minutes (pöytäkirja) as HTML, DOCX or PDF, in Finnish or Swedish; public once published',
      publicIfPublished: true,
    },
  ] as const;
  for (const { document, summary, publicIfPublished } of documentRoutes) {
    app.get(
      `/api/v1/meetings/:key/${document}/:format`,
      { schema: { tags, summary, params: ZDocumentParams, querystring: ZDocumentQuery, response: errors } },
      async (request, reply) => {
        const { key, format } = request.params;
        const { lang } = request.query;
        const meeting = await meetingFor(db, request.actor, key, { publicIfPublished });
        return sendFile(
          reply,
          await renderMeetingFile({ db, pdf }, meeting, document, format, lang),
          format !== 'docx',
        );
      },
    );
  }

  app.get(
    '/api/v1/meetings/:key/invitation.ics',
    {
      schema: {
        tags,
        summary: 'The meeting invitation as an iCalendar file (RFC 5545, Europe/Helsinki time)',
        params: ZMeetingKeyParams,
        querystring: ZDocumentQuery,
        response: { ...errors, 422: ZProblem },
      },
    },
    async (request, reply) => {
      const { key } = request.params;
      const { lang } = request.query;
      const meeting = await meetingFor(db, request.actor, key, { publicIfPublished: false });
      const invitation = meetingInvitation(meeting, clock(), lang);
      if (!invitation) {
        throw new RuleViolationError([
          {
            field: 'startTime',
            message: {
              fi: 'Kokouksella ei ole alkamisaikaa.',
              sv: 'Mötet har ingen starttid.',
              en: 'The meeting has no start time.',
            },
          },
        ]);
      }
      return sendFile(reply, invitation, false);
    },
  );

  app.get(
    '/api/v1/published-minutes',
    {
      schema: {
        tags,
        summary: 'Minutes the steering groups have published (public)',
        querystring: ZPublishedQuery,
        response: {
          200: z.object({
            items: z.array(
              ZMeetingSummary.extend({
                steeringGroupName: ZMeetingDetail.shape.steeringGroupName,
                publishedAt: z.string().nullable(),
              }),
            ),
          }),
          400: ZProblem,
        },
      },
    },
    async (request) => {
      const { steeringGroup } = request.query;
      return { items: await listPublishedMinutes(db, steeringGroup) };
    },
  );

  app.get(
    '/api/v1/published-minutes/:key',
    {
      schema: {
        tags,
        summary: 'Published minutes of one meeting (public)',
        params: ZMeetingKeyParams,
        response: { 200: ZMeetingDetail, 404: ZProblem },
      },
    },
    async (request) => {
      const { key } = request.params;
      const meeting = await getMeeting(db, key, 'public');
      if (!meeting) throw new NotFoundError('meeting', key);
      // The public copy: nothing to do with it here, whoever reads it.
      return { ...meeting, capabilities: [] };
    },
  );

  const step = (
    path: string,
    summary: string,
    run: (
      deps: WorkflowDeps,
      key: string,
      version: number | null,
      reason: string | null,
      body: z.infer<typeof ZStepBody>,
    ) => Promise<void>,
  ) =>
    app.post(
      `/api/v1/meetings/:key/${path}`,
      {
        schema: {
          tags,
          summary,
          params: ZMeetingKeyParams,
          body: ZStepBody.optional(),
          response: { 200: ZMeetingDetail, ...writeErrors },
        },
        // A step needs no body; a request that sends none (no content type) is read as {}. A body that
        // is sent must be an object.
        preValidation: async (request) => {
          if (request.headers['content-type'] === undefined && (request.body === null || request.body === undefined))
            request.body = {};
        },
      },
      async (request, reply) => {
        const { key } = request.params;
        await run(
          workflowDeps(request),
          key,
          basedOnVersion(request),
          request.body?.reason ?? null,
          request.body ?? {},
        );
        const meeting = (await getMeeting(db, key))!;
        return reply
          .header('etag', `"${meeting.version}"`)
          .send(await withCapabilities(db, request.actor, meeting, clock()));
      },
    );

  step(
    'minutes/ready',
    'The secretary tells the chair by e-mail that the draft minutes are ready to check (If-Match)',
    (d, key, version) => requestMinutesCheck(d, key, version),
  );
  step('minutes/check', 'The chair checks the draft minutes (If-Match: the meeting version)', (d, key, version) =>
    checkMinutes(d, key, version),
  );
  step(
    'minutes/return',
    'The chair returns checked minutes to the secretary, with a reason',
    (d, key, version, reason) => returnMinutes(d, key, version, reason),
  );
  step(
    'approve-previous-minutes',
    "This meeting approves the previous meeting's checked minutes through its approval item (If-Match: this meeting's version)",
    (d, key, version) => approvePreviousMinutes(d, key, version),
  );
  step(
    'minutes/publish',
    'The secretary publishes approved minutes: from now on the public sees them',
    (d, key, version, _reason, body) =>
      publishMinutes(d, key, version, { confirmPlaceholders: body.confirmPlaceholders ?? false }),
  );
}
