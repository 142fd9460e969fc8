/**
 * The managing authority's users page (issue 13, class 10: offboarding in the browser): every user
 * with their roles and state, and the three ways to take access away: disable the account, end one
 * role assignment, reset the password to a temporary one shown once. The server ends the person's
 * sessions at once and writes the trail; this page only asks and shows the answer.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZRoleAssignment, ZUser } from '../../../contracts/api.js';
import { ApiError, sendApi, useApi } from '../../api.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { ErrorNotice, Note } from '../../components/feedback.js';
import { Button } from '../../components/forms.js';
import { Badge, PlainList, Toolbar } from '../../components/layout.js';
import { PageHeading, Paragraph } from '../../components/typography.js';
import { dateTime } from '../../format.js';
import type { Language } from '../../i18n.js';
import { PageState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { mayAnywhere, useSession } from '../../shell/session.js';
import { useEditGate } from '../editing/form-parts.js';
import { NewUserForm } from './new-user-form.js';

type User = z.infer<typeof ZUser>;
type RoleAssignment = z.infer<typeof ZRoleAssignment>;

const ROLE_LABEL_KEYS = {
  admin: 'users:role.admin',
  ministry_official: 'users:role.ministry_official',
  finance_expert: 'users:role.finance_expert',
  theme_coordinator: 'users:role.theme_coordinator',
  steering_group_secretary: 'users:role.steering_group_secretary',
  steering_group_member: 'users:role.steering_group_member',
} as const;

const roleText = (t: (key: string) => string, role: RoleAssignment) =>
  [t(ROLE_LABEL_KEYS[role.role]), role.ministry, role.theme, role.steeringGroup].filter(Boolean).join(' · ');

export function UsersPage() {
  const lang = useLanguage();
  const { t } = useTranslation(['users', 'common']);
  usePageTitle(t('users:title'));
  const { session, known } = useSession();
  const admin = mayAnywhere(session, 'users.manage');
  const users = useApi<{ items: User[] }>(admin ? '/api/v1/admin/users' : null, lang);
  const gate = useEditGate({ known, signedIn: !!session, loadError: null, loaded: true, lang });
  if (gate) return gate;
  if (!admin) {
    return (
      <>
        <PageHeading>{t('users:title')}</PageHeading>
        <Paragraph>{t('users:notAllowed')}</Paragraph>
      </>
    );
  }
  return (
    <PageState state={users}>
      {({ items }) => <UsersTable users={items} lang={lang} self={session?.user.username ?? ''} />}
    </PageState>
  );
}

function UsersTable({ users, lang, self }: { users: User[]; lang: Language; self: string }) {
  const { t } = useTranslation(['users', 'common']);
  const { session } = useSession();
  const [rows, setRows] = useState(users);
  const [done, setDone] = useState<string | null>(null);
  const [temporary, setTemporary] = useState<{ username: string; password: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(method: 'POST' | 'PUT', path: string, body: unknown, message: string) {
    setBusy(true);
    setError(null);
    setDone(null);
    setTemporary(null);
    try {
      const { data } = await sendApi<{ temporaryPassword?: string } | null>(method, path, body, {
        language: lang,
        csrfToken: session?.csrfToken,
      });
      setDone(message);
      const fresh = await fetch('/api/v1/admin/users', { headers: { accept: 'application/json' } });
      if (fresh.ok) setRows(((await fresh.json()) as { items: User[] }).items);
      return data;
    } catch (failure) {
      setError(failure instanceof ApiError ? (failure.problem?.detail ?? failure.message) : String(failure));
      return null;
    } finally {
      setBusy(false);
    }
  }

  const base = (username: string) => `/api/v1/admin/users/${encodeURIComponent(username)}`;

  return (
    <>
      <PageHeading>{t('users:title')}</PageHeading>
      <Paragraph>{t('users:lead')}</Paragraph>
      <div role="status" aria-live="polite">
        {done ? <Note>{done}</Note> : null}
        {temporary ? (
          <Note title={t('users:temporary.title', { name: temporary.username })}>
            {t('users:temporary.text')} <code>{temporary.password}</code>
          </Note>
        ) : null}
      </div>
      {error ? <ErrorNotice title={t('users:failed')}>{error}</ErrorNotice> : null}
      <NewUserForm
        lang={lang}
        onCreated={async (username, password) => {
          const fresh = await fetch('/api/v1/admin/users', { headers: { accept: 'application/json' } });
          if (fresh.ok) setRows(((await fresh.json()) as { items: User[] }).items);
          setError(null);
          setDone(t('users:new.done', { username }));
          setTemporary(password ? { username, password } : null);
        }}
      />
      <DataTable caption={t('users:caption')}>
        <thead>
          <tr>
            <ColumnHeader>{t('users:username')}</ColumnHeader>
            <ColumnHeader>{t('users:name')}</ColumnHeader>
            <ColumnHeader>{t('users:roles')}</ColumnHeader>
            <ColumnHeader>{t('users:state')}</ColumnHeader>
            <ColumnHeader>{t('users:actions')}</ColumnHeader>
          </tr>
        </thead>
        <tbody>
          {rows.map((user) => (
            <tr key={user.username}>
              <RowHeader>{user.username}</RowHeader>
              <Cell>{user.displayName}</Cell>
              <Cell>
                {user.roles.length === 0 ? (
                  t('users:noRoles')
                ) : (
                  <PlainList>
                    {user.roles.map((role) => (
                      <li key={roleText(t, role)}>
                        {roleText(t, role)}{' '}
                        <Button
                          variant="secondary"
                          disabled={busy}
                          onClick={() =>
                            void act(
                              'POST',
                              `${base(user.username)}/roles/end`,
                              role,
                              t('users:roleEnded', { name: user.displayName, role: roleText(t, role) }),
                            )
                          }
                        >
                          {t('users:endRole', { role: roleText(t, role) })}
                        </Button>
                      </li>
                    ))}
                  </PlainList>
                )}
              </Cell>
              <Cell>
                {user.disabled ? (
                  <Badge $tone="warning">{t('users:disabled')}</Badge>
                ) : (
                  <Badge $tone="success">{t('users:active')}</Badge>
                )}
                {user.signInDelayedUntil
                  ? ` ${t('users:delayed', { until: dateTime(user.signInDelayedUntil, lang) })}`
                  : ''}
              </Cell>
              <Cell>
                <Toolbar>
                  {user.username === self ? null : (
                    <Button
                      variant="secondary"
                      disabled={busy}
                      onClick={() =>
                        void act(
                          'PUT',
                          `${base(user.username)}/disabled`,
                          { disabled: !user.disabled },
                          t(user.disabled ? 'users:enabledDone' : 'users:disabledDone', { name: user.displayName }),
                        )
                      }
                    >
                      {t(user.disabled ? 'users:enable' : 'users:disable', { name: user.displayName })}
                    </Button>
                  )}
                  {user.singleSignOn ? null : (
                    <Button
                      variant="secondary"
                      disabled={busy}
                      onClick={() =>
                        void act(
                          'POST',
                          `${base(user.username)}/password`,
                          {},
                          t('users:resetDone', { name: user.displayName }),
                        ).then((data) => {
                          if (data?.temporaryPassword)
                            setTemporary({ username: user.username, password: data.temporaryPassword });
                        })
                      }
                    >
                      {t('users:reset', { name: user.displayName })}
                    </Button>
                  )}
                </Toolbar>
              </Cell>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
