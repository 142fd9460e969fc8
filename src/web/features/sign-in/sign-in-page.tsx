/** Signing in with a username and password; afterwards back to the page the user came from. */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api.js';
import { ErrorNotice, Note } from '../../components/feedback.js';
import { Button, FormStack, TextField } from '../../components/forms.js';
import { AppLink } from '../../components/links.js';
import { PageHeading, Paragraph } from '../../components/typography.js';
import { paths } from '../../paths.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { useSession } from '../../shell/session.js';
import { ChangePasswordForm } from './change-password-form.js';

/** Only addresses inside the app: a sign-in link must not send anyone elsewhere. */
const safeNext = (value: string | null, fallback: string) =>
  value && /^\/(fi|sv|en)(\/|$)/.test(value) && !value.startsWith('//') ? value : fallback;

export function SignInPage() {
  const lang = useLanguage();
  const { t } = useTranslation(['editing', 'common']);
  usePageTitle(t('editing:signIn.title'));
  const { session, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  // After sign-in: the page the person came from, or their own tasks (also instead of the public
  // overview, which every page's sign-in link would otherwise lead back to).
  const requested = safeNext(params.get('next'), paths.tasks(lang));
  const next = requested === paths.overview(lang) ? paths.tasks(lang) : requested;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...(username.trim() === '' ? { username: t('editing:signIn.usernameMissing') } : {}),
      ...(password === '' ? { password: t('editing:signIn.passwordMissing') } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(found.username ? 'username' : 'password')?.focus();
      return;
    }
    setBusy(true);
    try {
      const signedIn = await signIn(username.trim(), password, lang);
      // With a temporary password the page stays: the person chooses their own first.
      if (!signedIn.passwordChangeRequired) void navigate(next);
    } catch (error) {
      setErrors({
        form:
          error instanceof ApiError && error.problem
            ? (error.problem.detail ?? error.problem.title)
            : t('common:error.text'),
      });
      setPassword('');
      setTimeout(() => errorRef.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  if (session) {
    return (
      <>
        <PageHeading>{t('editing:signIn.title')}</PageHeading>
        {session.passwordChangeRequired ? (
          <Note>{t('editing:password.required')}</Note>
        ) : (
          <>
            <Note>{t('editing:signIn.already', { name: session.user.displayName })}</Note>
            <Paragraph>
              <AppLink to={next}>{t('editing:signIn.continue')}</AppLink>
            </Paragraph>
          </>
        )}
        <ChangePasswordForm onChanged={() => (session.passwordChangeRequired ? void navigate(next) : undefined)} />
      </>
    );
  }

  return (
    <>
      <PageHeading>{t('editing:signIn.title')}</PageHeading>
      <Paragraph>{t('editing:signIn.lead')}</Paragraph>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('editing:signIn.title')}>
        {errors.form ? (
          <div ref={errorRef} tabIndex={-1}>
            <ErrorNotice title={t('editing:signIn.failed')}>{errors.form}</ErrorNotice>
          </div>
        ) : null}
        <FormStack>
          <TextField
            id="username"
            label={t('editing:signIn.username')}
            value={username}
            onChange={setUsername}
            error={errors.username}
            autoComplete="username"
          />
          <TextField
            id="password"
            label={t('editing:signIn.password')}
            type="password"
            value={password}
            onChange={setPassword}
            error={errors.password}
            autoComplete="current-password"
          />
          <div>
            <Button type="submit" disabled={busy}>
              {t('editing:signIn.submit')}
            </Button>
          </div>
        </FormStack>
      </form>
    </>
  );
}
