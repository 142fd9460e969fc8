/**
 * What a page shows while its data loads or when it cannot be had: a spinner, the not-found page
 * for a 404, otherwise an error with its own h1 (so that focus and the title still land somewhere).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../components/feedback.js';
import { PageHeading } from '../components/typography.js';
import { ApiError, type ApiState } from '../api.js';
import { NotFoundPage } from '../features/not-found/not-found-page.js';
import { usePageTitle } from './page-title.js';

export function PageState<T>({ state, children }: { state: ApiState<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation('common');
  if (state.status === 'loading') return <Loading text={t('common:loading')} />;
  if (state.status === 'error') {
    if (state.error instanceof ApiError && state.error.status === 404)
      return <NotFoundPage detail={t('common:notFound.record')} />;
    return <LoadError error={state.error} />;
  }
  return <>{children(state.data)}</>;
}

function LoadError({ error }: { error: Error }) {
  const { t } = useTranslation('common');
  usePageTitle(t('common:error.title'));
  return (
    <>
      <PageHeading>{t('common:error.title')}</PageHeading>
      <ErrorNotice title={t('common:error.text')}>{error.message}</ErrorNotice>
    </>
  );
}

/** The same inside a page section: the page stays, the section says what went wrong. */
export function SectionState<T>({ state, children }: { state: ApiState<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation('common');
  if (state.status === 'loading') return <Loading text={t('common:loading')} />;
  if (state.status === 'error') return <ErrorNotice title={t('common:error.text')}>{state.error.message}</ErrorNotice>;
  return <>{children(state.data)}</>;
}
