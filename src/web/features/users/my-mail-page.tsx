/**
 * One's own mail (issue 17, item 5): the language it comes in and which kinds one receives. Only
 * the choices changed are sent; the server records the change in the audit trail. The address
 * itself is kept by the managing authority on the users page.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZNotificationSettings } from '../../../contracts/notifications.js';
import { ApiError, fetchFresh, sendApi } from '../../api.js';
import { Note } from '../../components/feedback.js';
import { Button, CheckboxField, FieldGroup, FormStack, Select } from '../../components/forms.js';
import { Fact, FactList } from '../../components/layout.js';
import { PageHeading, Paragraph } from '../../components/typography.js';
import type { Language } from '../../i18n.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { useSession } from '../../shell/session.js';
import { FailureNotice, useEditGate } from '../editing/form-parts.js';

type Settings = z.infer<typeof ZNotificationSettings>;

export function MyMailPage() {
  const lang = useLanguage();
  const { t } = useTranslation(['users', 'editing', 'common']);
  usePageTitle(t('users:myMail.title'));
  const { session, known } = useSession();
  const [stored, setStored] = useState<Settings | null>(null);
  const [language, setLanguage] = useState<Language>('fi');
  const [receive, setReceive] = useState<Record<string, boolean>>({});
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [failure, setFailure] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const fill = (settings: Settings) => {
    setStored(settings);
    setLanguage(settings.language);
    setReceive(Object.fromEntries(settings.kinds.map((kind) => [kind.kind, kind.receive])));
  };

  useEffect(() => {
    if (!session) return;
    fetchFresh<Settings>('/api/v1/me/notifications', lang).then(fill, (error: unknown) =>
      setLoadError(error instanceof Error ? error : new Error(String(error))),
    );
    // Read again in the page's language (the kinds' names), or when the user changes.
  }, [session, lang]);

  const gate = useEditGate({ known, signedIn: !!session, loadError, loaded: stored !== null, lang });
  if (gate || !stored) return gate;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!stored) return;
    const changed = Object.fromEntries(
      stored.kinds.filter((kind) => receive[kind.kind] !== kind.receive).map((kind) => [kind.kind, receive[kind.kind]]),
    );
    setBusy(true);
    setSaved(false);
    try {
      const { data } = await sendApi<Settings>(
        'PATCH',
        '/api/v1/me/notifications',
        { ...(language !== stored.language ? { language } : {}), receive: changed },
        { language: lang, csrfToken: session?.csrfToken },
      );
      fill(data);
      setFailure(null);
      setSaved(true);
    } catch (error) {
      setFailure(
        error instanceof ApiError
          ? [
              error.problem?.detail ?? error.problem?.title ?? error.message,
              ...(error.problem?.errors ?? []).map((e) => e.reason),
            ]
          : [t('common:error.text')],
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading>{t('users:myMail.title')}</PageHeading>
      <Paragraph>{t('users:myMail.lead')}</Paragraph>
      <FactList>
        <Fact label={t('users:myMail.address')}>{stored.email ?? t('users:myMail.noAddress')}</Fact>
      </FactList>
      <div aria-live="polite">
        {saved ? <Note title={t('editing:saved.title')}>{t('users:myMail.saved')}</Note> : null}
        <FailureNotice lines={failure} />
      </div>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('users:myMail.title')}>
        <FormStack>
          <Select
            id="mail-language"
            label={t('users:myMail.language')}
            value={language}
            options={[
              { value: 'fi', label: 'suomi', lang: 'fi' },
              { value: 'sv', label: 'svenska', lang: 'sv' },
              { value: 'en', label: 'English', lang: 'en' },
            ]}
            onChange={(value) => setLanguage((value ?? 'fi') as Language)}
          />
          <FieldGroup>
            <legend>{t('users:myMail.kinds')}</legend>
            {stored.kinds.map((kind) => (
              <CheckboxField
                key={kind.kind}
                id={`mail-kind-${kind.kind}`}
                label={kind.name}
                checked={receive[kind.kind] ?? true}
                onChange={(checked) => setReceive((current) => ({ ...current, [kind.kind]: checked }))}
              />
            ))}
          </FieldGroup>
          <div>
            <Button type="submit" disabled={busy}>
              {t('users:myMail.save')}
            </Button>
          </div>
        </FormStack>
      </form>
    </>
  );
}
