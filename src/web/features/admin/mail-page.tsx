/**
 * Mail for the managing authority (issue 17, item 4): what the service sends and how (through an
 * SMTP server or, in development, to a folder; from the configuration, never its credentials), how
 * often a message is tried, and the messages that could not be delivered once the attempts were used
 * up, each with the last error and a button that queues it again (the server writes the retry into
 * the audit trail). Nothing undeliverable is lost silently: it waits here.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZDelivery, ZMailSettings } from '../../../contracts/notifications.js';
import { ApiError, sendApi, useApi } from '../../api.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { ErrorNotice, Note } from '../../components/feedback.js';
import { Button } from '../../components/forms.js';
import { Fact, FactList, Panel, PlainList } from '../../components/layout.js';
import { PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import { dateTime, integer } from '../../format.js';
import { PageState, SectionState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { mayAnywhere, useSession } from '../../shell/session.js';
import { useEditGate } from '../editing/form-parts.js';

type MailSettings = z.infer<typeof ZMailSettings>;
type Delivery = z.infer<typeof ZDelivery>;

export function AdminMailPage() {
  const lang = useLanguage();
  const { t } = useTranslation(['admin', 'common', 'editing']);
  usePageTitle(t('admin:mail.title'));
  const { session, known } = useSession();
  const allowed = mayAnywhere(session, 'audit.read');
  const settings = useApi<MailSettings>(allowed ? '/api/v1/admin/mail' : null, lang);
  const failed = useApi<{ items: Delivery[] }>(allowed ? '/api/v1/admin/outbox?status=failed' : null, lang);
  const [done, setDone] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const gate = useEditGate({ known, signedIn: !!session, loadError: null, loaded: true, lang });
  if (gate) return gate;
  if (!allowed) {
    return (
      <>
        <PageHeading>{t('admin:mail.title')}</PageHeading>
        <Paragraph>{t('admin:notAllowed')}</Paragraph>
      </>
    );
  }

  async function retry(delivery: Delivery) {
    setBusy(delivery.id);
    setDone(null);
    setRefused(null);
    try {
      await sendApi(
        'POST',
        `/api/v1/admin/outbox/${delivery.id}/retry`,
        {},
        { language: lang, csrfToken: session?.csrfToken },
      );
      setDone(t('admin:mail.retried', { recipient: delivery.recipient, subject: delivery.subject }));
    } catch (error) {
      setRefused(
        error instanceof ApiError
          ? [
              error.problem?.detail ?? error.problem?.title ?? error.message,
              ...(error.problem?.errors ?? []).map((e) => e.reason),
            ].join(' ')
          : t('common:error.text'),
      );
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <PageHeading>{t('admin:mail.title')}</PageHeading>
      <Paragraph>{t('admin:mail.lead')}</Paragraph>
      <PageState state={settings}>{(data) => <Settings settings={data} />}</PageState>

      <Panel aria-labelledby="mail-failed">
        <SectionHeading id="mail-failed">{t('admin:mail.failed.heading')}</SectionHeading>
        <div aria-live="polite">
          {done ? <Note title={t('admin:mail.retriedTitle')}>{done}</Note> : null}
          {refused ? <ErrorNotice title={t('admin:mail.notRetried')}>{refused}</ErrorNotice> : null}
        </div>
        <SectionState state={failed}>
          {({ items }) =>
            items.length === 0 ? (
              <Paragraph>{t('admin:mail.failed.none')}</Paragraph>
            ) : (
              <DataTable caption={t('admin:mail.failed.caption', { count: items.length })}>
                <thead>
                  <tr>
                    <ColumnHeader>{t('admin:mail.failed.recipient')}</ColumnHeader>
                    <ColumnHeader>{t('admin:mail.failed.subject')}</ColumnHeader>
                    <ColumnHeader numeric>{t('admin:mail.failed.attempts')}</ColumnHeader>
                    <ColumnHeader>{t('admin:mail.failed.when')}</ColumnHeader>
                    <ColumnHeader>{t('admin:mail.failed.error')}</ColumnHeader>
                    <ColumnHeader>{t('admin:mail.failed.action')}</ColumnHeader>
                  </tr>
                </thead>
                <tbody>
                  {items.map((delivery) => (
                    <tr key={delivery.id}>
                      <RowHeader>{delivery.recipient}</RowHeader>
                      <Cell>{delivery.subject}</Cell>
                      <Cell numeric>{integer(delivery.attempts, lang)}</Cell>
                      <Cell>{delivery.failedAt ? dateTime(delivery.failedAt, lang) : t('common:notKnown')}</Cell>
                      <Cell>{delivery.lastError ?? t('common:notKnown')}</Cell>
                      <Cell>
                        <Button variant="secondary" disabled={busy !== null} onClick={() => void retry(delivery)}>
                          {t('admin:mail.retry', { recipient: delivery.recipient })}
                        </Button>
                      </Cell>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            )
          }
        </SectionState>
      </Panel>
    </>
  );
}

function Settings({ settings }: { settings: MailSettings }) {
  const lang = useLanguage();
  const { t } = useTranslation(['admin', 'common']);
  const seconds = (value: number) =>
    value >= 60
      ? t('admin:mail.minutes', { count: Math.round(value / 60) })
      : t('admin:mail.seconds', { count: value });
  return (
    <>
      <Panel aria-labelledby="mail-how">
        <SectionHeading id="mail-how">{t('admin:mail.how.heading')}</SectionHeading>
        <Paragraph>{t(`admin:mail.how.${settings.transport}`)}</Paragraph>
        <FactList>
          {settings.server ? <Fact label={t('admin:mail.how.server')}>{settings.server}</Fact> : null}
          {settings.secure !== null ? (
            <Fact label={t('admin:mail.how.secure')}>
              {settings.secure ? t('admin:mail.how.yes') : t('admin:mail.how.no')}
            </Fact>
          ) : null}
          {settings.authenticated !== null ? (
            <Fact label={t('admin:mail.how.authenticated')}>
              {settings.authenticated ? t('admin:mail.how.credentialsSet') : t('admin:mail.how.no')}
            </Fact>
          ) : null}
          {settings.folder ? <Fact label={t('admin:mail.how.folder')}>{settings.folder}</Fact> : null}
          {settings.from ? <Fact label={t('admin:mail.how.from')}>{settings.from}</Fact> : null}
          {settings.pollSeconds !== null ? (
            <Fact label={t('admin:mail.how.poll')}>{seconds(settings.pollSeconds)}</Fact>
          ) : null}
          <Fact label={t('admin:mail.how.attempts')}>
            {t('admin:mail.how.attemptsText', {
              count: settings.delivery.maxAttempts,
              first: seconds(settings.delivery.firstDelaySeconds),
              longest: seconds(settings.delivery.maxDelaySeconds),
            })}
          </Fact>
          <Fact label={t('admin:mail.how.outbox')}>
            {t('admin:mail.how.outboxText', {
              pending: integer(settings.counts.pending, lang),
              sent: integer(settings.counts.sent, lang),
              failed: integer(settings.counts.failed, lang),
            })}
          </Fact>
        </FactList>
      </Panel>
      <Panel aria-labelledby="mail-kinds">
        <SectionHeading id="mail-kinds">{t('admin:mail.kinds')}</SectionHeading>
        <PlainList>
          {settings.kinds.map((kind) => (
            <li key={kind.kind}>{kind.name}</li>
          ))}
        </PlainList>
        <Paragraph>{t('admin:mail.kindsNote')}</Paragraph>
      </Panel>
    </>
  );
}
