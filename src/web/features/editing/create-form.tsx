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
import type { RecordCollection, RecordOf, Written } from '../../../contracts/records.js';
import type { Creatable, CreateFieldOf, CreateInputOf } from '../../../contracts/write-inputs.js';
import { nest, type FieldSpec } from './edit-support.js';
import { FailureNotice, FieldInputs, useEditGate, useFieldForm } from './form-parts.js';

type Props<C extends CreatableRecord> = {
  /** The write API's collection: the form posts to /api/v1/{collection}. */
  collection: C;
  title: string;
  /** The fields typed in, each one the create input takes (or a path into one, `name.fi`). */
  fields: FieldSpec<CreateFieldOf<C>>[];
  /** Values the form starts with (as typed text), by field name. */
  initial?: Partial<Record<FieldSpec<CreateFieldOf<C>>['name'], string>>;
  /** Sent along with the typed fields: what the page already knows (the meeting, the group). */
  fixed: Partial<CreateInputOf<C>>;
  submitLabel: string;
  back: { to: string; label: string };
  /** Where to go with the created record's data. */
  onCreated: (data: RecordOf<C>) => string;
  intro?: ReactNode;
};

/** A collection whose records are created through the write API and answered as records. */
type CreatableRecord = Creatable & RecordCollection;

/**
 * The fields, the fixed values and the created record all take their types from the collection's
 * contracts (write-inputs.ts, records.ts), so a form cannot send what the write does not take.
 */
export function CreateRecordForm<C extends CreatableRecord>({
  collection,
  title,
  fields,
  initial,
  fixed,
  submitLabel,
  back,
  onCreated,
  intro,
}: Props<C>) {
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
    if (initial) setValues(initial as Record<string, string>);
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
      const created = await sendApi<Written<RecordOf<C>>>(
        'POST',
        `/api/v1/${collection}`,
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
