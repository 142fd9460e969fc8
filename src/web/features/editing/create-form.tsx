/**
 * One form for creating a record through the write API (POST /api/v1/{collection}): the typed
 * fields plus what the page already knows (the meeting, the group), errors at their fields in the
 * user's language, and on success on to wherever the new record is shown. A new record has no
 * version yet, so there is no conflict to show.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { sendApi } from '../../api.js';
import { Button, FormStack } from '../../components/forms.js';
import { AppLink } from '../../components/links.js';
import { PageHeading, Paragraph } from '../../components/typography.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { useSession } from '../../shell/session.js';
import type { Written } from '../../../contracts/records.js';
import { nest, type FieldSpec } from './edit-support.js';
import { FailureNotice, FieldInputs, useEditGate, useFieldForm } from './form-parts.js';

type Props<T> = {
  /** /api/v1/{collection} */
  collectionPath: string;
  title: string;
  fields: FieldSpec[];
  /** Values the form starts with (as typed text). */
  initial?: Record<string, string>;
  /** Sent along with the typed fields. */
  fixed: Record<string, unknown>;
  submitLabel: string;
  back: { to: string; label: string };
  /** Where to go with the created record's data. */
  onCreated: (data: T) => string;
  intro?: ReactNode;
};

/** `T` is the record the collection answers (contracts/records.ts), e.g. `RecordOf<'meetings'>`. */
export function CreateRecordForm<T = Record<string, unknown>>({
  collectionPath,
  title,
  fields,
  initial,
  fixed,
  submitLabel,
  back,
  onCreated,
  intro,
}: Props<T>) {
  const lang = useLanguage();
  const { session, known } = useSession();
  const navigate = useNavigate();
  const form = useFieldForm(fields, lang);
  // Taken out of the form: React treats an object read with a ref inside as a ref, not readable while drawing.
  const { noticeRef } = form;
  const { setValues } = form;
  const [busy, setBusy] = useState(false);
  usePageTitle(title);

  useEffect(() => {
    if (initial) setValues(initial);
    // Only once: later changes of `initial` would overwrite what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const mine = form.readValues();
    if (!mine) return;
    setBusy(true);
    try {
      // Empty optional fields are left out rather than sent as null: a new record has nothing to clear.
      const typed = nest(Object.fromEntries(Object.entries(mine).filter(([, value]) => value !== null)));
      const created = await sendApi<Written<T>>(
        'POST',
        collectionPath,
        { ...fixed, ...typed },
        { language: lang, csrfToken: session?.csrfToken },
      );
      void navigate(onCreated(created.data.data));
    } catch (error) {
      form.showFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const gate = useEditGate({ known, signedIn: Boolean(session), loadError: null, loaded: true, lang });
  if (gate) return gate;

  return (
    <>
      <PageHeading>{title}</PageHeading>
      {intro}
      <Paragraph>
        <AppLink to={back.to}>{back.label}</AppLink>
      </Paragraph>
      <div ref={noticeRef} tabIndex={-1}>
        <FailureNotice lines={form.formError} />
      </div>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
        <FormStack>
          <FieldInputs fields={fields} form={form} />
          <div>
            <Button type="submit" disabled={busy}>
              {submitLabel}
            </Button>
          </div>
        </FormStack>
      </form>
    </>
  );
}
