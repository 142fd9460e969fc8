/**
 * My tasks (Omat tehtävät / Mina uppgifter): the start page after sign-in for every role. What the
 * person has to do, from `GET /api/v1/me/tasks`: overdue first, then by kind and date, each a link
 * to the page where it is done. Grouped by kind under headings, so a screen reader can jump between
 * the groups.
 */
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { MyTasks, Task, TaskKind } from '../../../contracts/tasks.js';
import { useFreshApi } from '../../api.js';
import { Badge, Panel } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import { partialDate } from '../../format.js';
import type { Language } from '../../i18n.js';
import { PageState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { useSession } from '../../shell/session.js';
import { useEditGate } from '../editing/form-parts.js';

/** The order of the groups on the page: what others wait for first. */
const GROUPS: TaskKind[] = [
  'report_returned',
  'report_approve',
  'minutes_check',
  'report_write',
  'minutes_write',
  'minutes_approve',
  'minutes_publish',
  'action_item',
  'mail_failed',
  'meeting',
];

export function TasksPage() {
  const lang = useLanguage();
  const { t } = useTranslation(['tasks', 'common']);
  const { session, known } = useSession();
  usePageTitle(t('tasks:title'));
  // Read anew on every visit: the list changes with what others do (a return, a check, an approval).
  const visit = useLocation().key;
  const tasks = useFreshApi<MyTasks>(session ? '/api/v1/me/tasks' : null, lang, visit);
  const gate = useEditGate({ known, signedIn: !!session, loadError: null, loaded: true, lang });
  if (gate) return gate;
  return (
    <PageState state={tasks}>
      {({ items }) => {
        const overdue = items.filter((item) => item.overdue).length;
        return (
          <>
            <PageHeading>{t('tasks:title')}</PageHeading>
            <Paragraph>
              {items.length === 0
                ? t('tasks:none')
                : overdue > 0
                  ? t('tasks:summaryOverdue', { count: items.length, overdue })
                  : t('tasks:summary', { count: items.length })}
            </Paragraph>
            {GROUPS.map((kind) => {
              const group = items.filter((item) => item.kind === kind);
              return group.length === 0 ? null : <TaskGroup key={kind} kind={kind} items={group} lang={lang} />;
            })}
          </>
        );
      }}
    </PageState>
  );
}

function TaskGroup({ kind, items, lang }: { kind: TaskKind; items: Task[]; lang: Language }) {
  const { t } = useTranslation(['tasks']);
  const headingId = `tasks-${kind}`;
  return (
    <Panel aria-labelledby={headingId}>
      <SectionHeading id={headingId}>
        {t(`tasks:kind.${kind}`)} ({items.length})
      </SectionHeading>
      <ul>
        {items.map((item) => (
          <li key={`${item.path} ${item.title}`}>
            <AppLink to={`/${lang}${item.path}`}>{item.title}</AppLink>
            {item.due ? (
              <>
                {' – '}
                {t(kind === 'meeting' ? 'tasks:on' : 'tasks:due', { date: partialDate(item.due, lang) })}
              </>
            ) : null}
            {item.overdue ? (
              <>
                {' '}
                <Badge $tone="warning">{t('tasks:overdue')}</Badge>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
