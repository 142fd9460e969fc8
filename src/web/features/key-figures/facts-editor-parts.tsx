/**
 * What the key figures' two fact editors share (a project entity's facts, an organisation's place):
 * the section with its heading, the refusal and the "saved" note, and the server's reasons worded
 * with the field's label in the user's language rather than the API's field name.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../contracts/api.js';
import { ApiError } from '../../api.js';
import { Note } from '../../components/feedback.js';
import { SectionHeading } from '../../components/typography.js';
import { FailureNotice } from '../editing/form-parts.js';

export function FactsEditorSection({
  id,
  title,
  error,
  saved,
  children,
}: {
  id: string;
  title: string;
  /** The lines of a refusal, or null. */
  error: string[] | null;
  saved: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation(['keyFigures']);
  return (
    <section aria-labelledby={id}>
      <SectionHeading level={3} id={id}>
        {title}
      </SectionHeading>
      <FailureNotice lines={error} />
      {saved ? <Note>{t('keyFigures:facts.saved')}</Note> : null}
      {children}
    </section>
  );
}

/**
 * A failed save as lines: each reason the server gave, after the label of the field it names (by
 * the first part of its path: "ministries.1.share" is the ministries' field); a reason about no
 * known field is shown alone. Without reasons, the problem's own words.
 */
export function failureLines(failure: unknown, labels: Record<string, string>, fallback: string): string[] {
  const problem: Problem | null = failure instanceof ApiError ? failure.problem : null;
  if (!problem?.errors?.length) return [problem?.detail ?? problem?.title ?? fallback];
  return problem.errors.map((error) => {
    const label = labels[error.name.replace(/^body\./, '').split('.')[0] ?? ''];
    return label ? `${label}: ${error.reason}` : error.reason;
  });
}
