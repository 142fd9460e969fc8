/**
 * Changing one's own password: the current one and a new one. The server checks the current password
 * (counted like a sign-in: too many wrong ones and it says how long to wait), the policy, and ends the
 * person's other sessions. After the administrator's temporary password this comes before anything else.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, sendApi } from '../../api.js';
import { ErrorNotice, Note } from '../../components/feedback.js';
import { Button, FormStack, TextField } from '../../components/forms.js';
import { SectionHeading } from '../../components/typography.js';
import { useLanguage } from '../../shell/language.js';
import { useSession } from '../../shell/session.js';

type Errors = { currentPassword?: string; newPassword?: string; form?: string };

export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const lang = useLanguage();
  const { t } = useTranslation(['editing', 'common']);
  const { session, passwordChanged } = useSession();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const found: Errors = {
      ...(currentPassword === '' ? { currentPassword: t('editing:password.currentMissing') } : {}),
      ...(newPassword === '' ? { newPassword: t('editing:password.newMissing') } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await sendApi(
        'POST',
        '/api/v1/auth/password',
        { currentPassword, newPassword },
        {
          language: lang,
          csrfToken: session?.csrfToken,
        },
      );
      setDone(true);
      setCurrent('');
      setNew('');
      passwordChanged();
      onChanged();
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null;
      const byField = Object.fromEntries((problem?.errors ?? []).map((e) => [e.name, e.reason]));
      setErrors(
        byField.currentPassword || byField.newPassword
          ? { currentPassword: byField.currentPassword, newPassword: byField.newPassword }
          : { form: problem ? (problem.detail ?? problem.title) : t('common:error.text') },
      );
      setTimeout(() => errorRef.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="change-password">
      <SectionHeading id="change-password">{t('editing:password.title')}</SectionHeading>
      <div role="status">{done ? <Note>{t('editing:password.done')}</Note> : null}</div>
      {errors.form ? (
        <div ref={errorRef} tabIndex={-1}>
          <ErrorNotice title={t('editing:password.failed')}>{errors.form}</ErrorNotice>
        </div>
      ) : null}
      <FormStack>
        <TextField
          id="current-password"
          label={t('editing:password.current')}
          type="password"
          value={currentPassword}
          onChange={setCurrent}
          error={errors.currentPassword}
          autoComplete="current-password"
        />
        <TextField
          id="new-password"
          label={t('editing:password.new')}
          type="password"
          value={newPassword}
          onChange={setNew}
          error={errors.newPassword}
          autoComplete="new-password"
        />
        <div>
          <Button type="submit" disabled={busy}>
            {t('editing:password.submit')}
          </Button>
        </div>
      </FormStack>
    </form>
  );
}
