/**
 * What a page shows while its data loads or when it cannot be had: a spinner, the not-found page
 * for a 404, otherwise an error with its own h1 (so that focus and the title still land somewhere)
 * and a button that reads again. Every page's loading state goes through here, so a failed read is
 * worded the same everywhere and never shows the browser's "Failed to fetch".
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../components/feedback.js';
import { Button } from '../components/forms.js';
import { PageHeading, Paragraph } from '../components/typography.js';
import { ApiError, type ApiState } from '../api.js';
import { NotFoundPage } from '../features/not-found/not-found-page.js';
import { usePageTitle } from './page-title.js';

export function PageState<T>({ state, children }: { state: ApiState<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation('common');
  if (state.status === 'loading') return <Loading text={t('common:loading')} />;
  if (state.status === 'error') {
    if (state.error instanceof ApiError && state.error.status === 404)
      return <NotFoundPage detail={t('common:notFound.record')} />;
    return <PageLoadError error={state.error} retry={state.retry} />;
  }
  return <>{children(state.data)}</>;
}

function PageLoadError({ error, retry }: { error: Error; retry: (() => void) | undefined }) {
  const { t } = useTranslation('common');
  usePageTitle(t('common:error.title'));
  return (
    <>
      <PageHeading>{t('common:error.title')}</PageHeading>
      <LoadError error={error} retry={retry} />
    </>
  );
}

/**
 * Why a read failed, in the page's language: the server's own problem text where it sent one,
 * otherwise "no connection" (the browser's TypeError) or the general text; and the retry button.
 */
export function LoadError({ error, retry }: { error: Error; retry?: (() => void) | undefined }) {
  const { t } = useTranslation('common');
  const detail =
    error instanceof ApiError
      ? error.status >= 500 || error.problem === null
        ? t('common:error.server')
        : (error.problem.detail ?? error.problem.title)
      : t('common:error.network');
  return (
    <div data-load-error="">
      <ErrorNotice title={t('common:error.text')}>
        <Paragraph>{detail}</Paragraph>
      </ErrorNotice>
      {retry ? (
        <div className="no-print">
          <Button onClick={retry}>{t('common:error.retry')}</Button>
        </div>
      ) : null}
    </div>
  );
}

/** The same inside a page section: the page stays, the section says what went wrong. */
export function SectionState<T>({ state, children }: { state: ApiState<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation('common');
  if (state.status === 'loading') return <Loading text={t('common:loading')} />;
  if (state.status === 'error') return <LoadError error={state.error} retry={state.retry} />;
  return <>{children(state.data)}</>;
}
