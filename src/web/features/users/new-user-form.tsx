/**
 * The managing authority adds a user in the browser (issue 17, item 1): username, name, e-mail and
 * one role with its scope (a theme, a ministry or a steering group). The account gets a temporary
 * password, shown once, that the person changes at their first sign-in. The server checks
 * everything (`POST /api/v1/admin/users`); its reasons come back at the fields and in the summary.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, sendApi } from '../../api.js';
import { Button, FormStack } from '../../components/forms.js';
import { SectionHeading } from '../../components/typography.js';
import type { Language } from '../../i18n.js';
import { useSession } from '../../shell/session.js';
import type { FieldSpec } from '../editing/edit-support.js';
import { FailureNotice, FieldInputs, useFieldForm } from '../editing/form-parts.js';

const ROLES = [
  'admin',
  'ministry_official',
  'finance_expert',
  'theme_coordinator',
  'steering_group_secretary',
  'steering_group_member',
] as const;

/** Which property of the role assignment the scope field fills. */
const SCOPE_OF: Record<(typeof ROLES)[number], 'ministry' | 'theme' | 'steeringGroup' | null> = {
  admin: null,
  ministry_official: 'ministry',
  finance_expert: 'theme',
  theme_coordinator: 'theme',
  steering_group_secretary: 'steeringGroup',
  steering_group_member: 'steeringGroup',
};

export function NewUserForm({
  lang,
  onCreated,
}: {
  lang: Language;
  onCreated: (username: string, temporaryPassword: string | null) => Promise<void>;
}) {
  const { t } = useTranslation(['users', 'editing']);
  const { session } = useSession();
  const fields: FieldSpec[] = [
    { name: 'username', label: t('users:new.username'), kind: 'text', required: true },
    { name: 'displayName', label: t('users:new.displayName'), kind: 'text', required: true },
    { name: 'email', label: t('users:new.email'), kind: 'text' },
    {
      name: 'role',
      label: t('users:new.role'),
      kind: 'select',
      required: true,
      options: ROLES.map((role) => ({ value: role, label: t(`users:role.${role}`) })),
    },
    { name: 'scope', label: t('users:new.scope'), kind: 'text', hint: t('users:new.scopeHint') },
  ];
  const form = useFieldForm(fields, lang);
  const { noticeRef } = form;
  const [busy, setBusy] = useState(false);
  const title = t('users:new.title');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const values = form.readValues();
    if (!values) return;
    const role = values.role as (typeof ROLES)[number];
    const scope = SCOPE_OF[role];
    const username = String(values.username);
    setBusy(true);
    try {
      await sendApi(
        'POST',
        '/api/v1/admin/users',
        {
          username,
          displayName: values.displayName,
          email: values.email ?? null,
          roles: [{ role, ...(scope ? { [scope]: values.scope ?? null } : {}) }],
        },
        { language: lang, csrfToken: session?.csrfToken },
      );
      // A temporary password, shown once: the person changes it at the first sign-in.
      const { data } = await sendApi<{ temporaryPassword?: string } | null>(
        'POST',
        `/api/v1/admin/users/${encodeURIComponent(username.trim().toLowerCase())}/password`,
        {},
        { language: lang, csrfToken: session?.csrfToken },
      );
      form.setValues({});
      await onCreated(username.trim().toLowerCase(), data?.temporaryPassword ?? null);
    } catch (error) {
      // The role's scope is named by the server as roles.0.theme (or .ministry, .steeringGroup).
      const problem = error instanceof ApiError ? error.problem : null;
      form.showFailure(
        problem?.errors && scope
          ? new ApiError((error as ApiError).status, {
              ...problem,
              errors: problem.errors.map((e) => (/^(body\.)?roles\.0\./.test(e.name) ? { ...e, name: 'scope' } : e)),
            })
          : error,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="new-user-title">
      <SectionHeading id="new-user-title">{title}</SectionHeading>
      <div ref={noticeRef} tabIndex={-1}>
        <FailureNotice lines={form.formError} />
      </div>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
        <FormStack>
          <FieldInputs fields={fields} form={form} />
          <div>
            <Button type="submit" disabled={busy}>
              {t('users:new.submit')}
            </Button>
          </div>
        </FormStack>
      </form>
    </section>
  );
}
