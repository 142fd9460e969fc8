/**
 * The facts of one project entity behind the key figures: its funding ministries with their shares,
 * its sectors from the service's list (grouped by area) and its partners. Saved with the version it
 * was read at (/api/v1/project-facts); a refusal is shown with the server's reason.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fetchFresh, sendApi } from '../../api.js';
import { Button, CheckboxField, FieldGroup, TextField } from '../../components/forms.js';
import { NativeSelect } from '../../components/native-select.js';
import { PlainList } from '../../components/layout.js';
import type { RecordOf, Written as WrittenRecord } from '../../../contracts/records.js';
import type { UpdateInputOf } from '../../../contracts/write-inputs.js';
import { readCountInput } from '../../../domain/numbers.js';
import { SECTORS } from '../../../domain/sectors.js';
import { useLanguage } from '../../shell/language.js';
import { useSession } from '../../shell/session.js';
import { NUMBER_ERROR } from '../editing/edit-support.js';
import { recordPath } from '../editing/record-form.js';
import { FactsEditorSection, failureLines } from './facts-editor-parts.js';

type Written = WrittenRecord<RecordOf<'project-facts'>>;
type Ministry = RecordOf<'project-facts'>['ministries'][number]['ministry'];
const MINISTRIES = ['OKM', 'STM', 'TEM'] as const satisfies readonly Ministry[];

export type OrganisationChoice = { key: string; name: string };

export function EntityFactsEditor({
  entityKey,
  title,
  organisations,
  onSaved,
}: {
  entityKey: string;
  title: string;
  organisations: OrganisationChoice[];
  onSaved: () => void;
}) {
  const lang = useLanguage();
  const { t } = useTranslation(['keyFigures', 'editing', 'common']);
  const { session } = useSession();
  const path = recordPath('project-facts', entityKey);
  const [record, setRecord] = useState<Written | null>(null);
  const [shares, setShares] = useState<Record<string, string>>({});
  const [sectors, setSectors] = useState<string[]>([]);
  const [partners, setPartners] = useState<string[]>([]);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string[] | null>(null);
  /** A share that could not be read, or that the server refused, at its ministry's field. */
  const [shareErrors, setShareErrors] = useState<Partial<Record<Ministry, string>>>({});
  const [saved, setSaved] = useState(false);

  const fill = (written: Written) => {
    setRecord(written);
    setShares(
      Object.fromEntries(
        MINISTRIES.map((m) => {
          const found = written.data.ministries.find((x) => x.ministry === m);
          return [m, found ? String(found.share ?? '') : ''];
        }),
      ),
    );
    setSectors(written.data.sectors);
    setPartners(written.data.partners);
  };
  useEffect(() => {
    if (!session) return;
    fetchFresh<Written>(`${path}/record`, lang).then(fill, () => setError([t('keyFigures:facts.signIn')]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, session]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!record) return;
    // Each share read by the domain's rule for whole numbers ("60", "60 %"); one that cannot be read
    // stops the save at its field, rather than going out as no share (which counts as 100 %).
    const ministries: { ministry: Ministry; share: number }[] = [];
    const unreadable: Partial<Record<Ministry, string>> = {};
    for (const ministry of MINISTRIES) {
      const text = (shares[ministry] ?? '').trim().replace(/\s*%$/, '');
      if (text === '') continue;
      const read = readCountInput(text);
      if (read.ok) ministries.push({ ministry, share: read.value });
      else unreadable[ministry] = t(NUMBER_ERROR[read.reason]);
    }
    setShareErrors(unreadable);
    setSaved(false);
    const first = MINISTRIES.find((ministry) => unreadable[ministry]);
    if (first) {
      setError([t('editing:fixFields', { count: Object.keys(unreadable).length })]);
      document.getElementById(`entity-${entityKey}-${first}`)?.focus();
      return;
    }
    try {
      const written = await sendApi<Written>(
        'PATCH',
        path,
        { ministries, sectors, partners } satisfies UpdateInputOf<'project-facts'>,
        { language: lang, csrfToken: session?.csrfToken, ifMatch: record.version },
      );
      fill(written.data);
      setError(null);
      setSaved(true);
      onSaved();
    } catch (failure) {
      // A refused share ("ministries.1.share") is shown at that ministry's field too.
      const refused: Partial<Record<Ministry, string>> = {};
      for (const problem of failure instanceof ApiError ? (failure.problem?.errors ?? []) : []) {
        const index = /^(?:body\.)?ministries\.(\d+)\.share$/.exec(problem.name)?.[1];
        const ministry = index === undefined ? undefined : ministries[Number(index)]?.ministry;
        if (ministry) refused[ministry] ??= problem.reason;
      }
      setShareErrors(refused);
      setError(
        failureLines(
          failure,
          {
            ministries: t('keyFigures:facts.ministries'),
            sectors: t('keyFigures:facts.sectors'),
            partners: t('keyFigures:facts.partners'),
          },
          t('common:error.text'),
        ),
      );
    }
  }

  const nameOf = (key: string) => organisations.find((o) => o.key === key)?.name ?? key;
  const id = `entity-${entityKey}`;
  return (
    <FactsEditorSection id={id} title={title} error={error} saved={saved}>
      {record ? (
        <form onSubmit={save} aria-label={title}>
          <FieldGroup>
            <legend>{t('keyFigures:facts.ministries')}</legend>
            {MINISTRIES.map((m) => (
              <TextField
                key={m}
                id={`${id}-${m}`}
                label={t('keyFigures:facts.share', { ministry: m })}
                hint={m === 'OKM' ? t('keyFigures:facts.shareHint') : undefined}
                inputMode="numeric"
                value={shares[m] ?? ''}
                error={shareErrors[m]}
                onChange={(value) => setShares((current) => ({ ...current, [m]: value }))}
              />
            ))}
          </FieldGroup>
          <FieldGroup>
            <legend>{t('keyFigures:facts.sectors')}</legend>
            {SECTORS.map((sector) => (
              <div key={sector.key} role="group" aria-label={sector.name[lang]}>
                {[sector, ...sector.services].map((item) => (
                  <CheckboxField
                    key={item.key}
                    id={`${id}-${item.key}`}
                    label={item === sector ? sector.name[lang] : `${sector.name[lang]}: ${item.name[lang]}`}
                    checked={sectors.includes(item.key)}
                    onChange={(checked) =>
                      setSectors((current) =>
                        checked ? [...current, item.key] : current.filter((key) => key !== item.key),
                      )
                    }
                  />
                ))}
              </div>
            ))}
          </FieldGroup>
          <FieldGroup>
            <legend>{t('keyFigures:facts.partners')}</legend>
            {partners.length === 0 ? <p>{t('keyFigures:facts.noPartners')}</p> : null}
            <PlainList aria-label={t('keyFigures:facts.partners')}>
              {partners.map((key) => (
                <li key={key}>
                  {nameOf(key)}{' '}
                  <Button
                    variant="secondaryNoBorder"
                    onClick={() => setPartners((current) => current.filter((k) => k !== key))}
                  >
                    {t('keyFigures:facts.removePartner', { name: nameOf(key) })}
                  </Button>
                </li>
              ))}
            </PlainList>
            <NativeSelect
              label={t('keyFigures:facts.partner')}
              value={choice}
              onChange={setChoice}
              options={[
                { value: '', label: t('keyFigures:facts.choose') },
                ...organisations.filter((o) => !partners.includes(o.key)).map((o) => ({ value: o.key, label: o.name })),
              ]}
            />
            <Button
              variant="secondary"
              disabled={!choice}
              onClick={() => {
                setPartners((current) => [...current, choice]);
                setChoice('');
              }}
            >
              {t('keyFigures:facts.addPartner')}
            </Button>
          </FieldGroup>
          <Button type="submit">{t('keyFigures:facts.save')}</Button>
        </form>
      ) : null}
    </FactsEditorSection>
  );
}
