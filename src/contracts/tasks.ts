/** "My tasks": what the signed-in person has to do, computed from the data for their roles. */
import { z } from 'zod';

export const TASK_KINDS = [
  /** Coordinator: a report to write (draft), or returned for changes. */
  'report_write',
  'report_returned',
  /** Ministry: a submitted report waiting for my ministry's approval. */
  'report_approve',
  /** Chair: draft minutes of a held meeting to check. */
  'minutes_check',
  /** Secretary: minutes of a held meeting still a draft, checked minutes to approve at the next meeting, approved minutes to publish. */
  'minutes_write',
  'minutes_approve',
  'minutes_publish',
  /** Members and secretaries: a meeting coming. */
  'meeting',
  /** An open action item whose owner is me. */
  'action_item',
  /** Administrator: mail that could not be delivered. */
  'mail_failed',
] as const;

export const ZTaskKind = z.enum(TASK_KINDS).meta({ id: 'TaskKind' });

export const ZTask = z
  .object({
    kind: ZTaskKind,
    /** What it is about, in the request's language: the theme and period, the group and meeting, the action. */
    title: z.string(),
    /** The date it is due (a report's deadline, a meeting's date, an action item's due date). */
    due: z.string().nullable(),
    overdue: z.boolean(),
    /** Where it is done in the web application, below the language root: /reports/2024/lanupe. */
    path: z.string(),
  })
  .meta({ id: 'Task' });

export const ZMyTasks = z.object({ today: z.string(), items: z.array(ZTask) }).meta({ id: 'MyTasks' });

export type Task = z.infer<typeof ZTask>;
export type TaskKind = z.infer<typeof ZTaskKind>;
export type MyTasks = z.infer<typeof ZMyTasks>;
