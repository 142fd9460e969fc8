/**
 * The facts of one project entity behind the key figures: its funding ministries with their shares,
 * its sectors from the service's list (grouped by area) and its partners. Saved with the version it
 * was read at (/api/v1/project-facts); a refusal is shown with the server's reason.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fetchFresh, sendApi } from '../../api.js';
import { ErrorNotice, Note } from '../../components/feedback.js';
import { Button, CheckboxField, FieldGroup, TextField } from '../../components/forms.js';
import { NativeSelect } from '../../components/native-select.js';
import { PlainList } from '../../components/layout.js';
import { SectionHeading } from '../../components/typography.js';
import { SECTORS } from '../../../domain/sectors.js';
import { useLanguage } from '../../shell/language.js';
import { useSession } from '../../shell/session.js';

type Facts = {
  key: string;
  name: { fi: string; sv?: string | null };
  ministries: { ministry: string; share: number | null }[];
  sectors: string[];
  partners: string[];
};
type Written = { data: Facts; version: number };
const MINISTRIES = ['OKM', 'STM', 'TEM'] as const;

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
  const { t } = useTranslation(['keyFigures']);
  const { session } = useSession();
  const path = `/api/v1/project-facts/${encodeURIComponent(entityKey)}`;
  const [record, setRecord] = useState<Written | null>(null);
  const [shares, setShares] = useState<Record<string, string>>({});
  const [sectors, setSectors] = useState<string[]>([]);
  const [partners, setPartners] = useState<string[]>([]);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string[] | null>(null);
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
    const ministries = MINISTRIES.filter((m) => shares[m]?.trim()).map((m) => ({
      ministry: m,
      share: Number(shares[m]!.trim().replace(/\s*%$/, '')),
    }));
    setSaved(false);
    try {
      const written = await sendApi<Written>(
        'PATCH',
        path,
        { ministries, sectors, partners },
        { language: lang, csrfToken: session?.csrfToken, ifMatch: record.version },
      );
      fill(written.data);
      setError(null);
      setSaved(true);
      onSaved();
    } catch (failure) {
      const problem = failure instanceof ApiError ? failure.problem : null;
      setError(
        problem?.errors?.map((e) => `${e.name}: ${e.reason}`) ?? [problem?.detail ?? problem?.title ?? String(failure)],
      );
    }
  }

  const nameOf = (key: string) => organisations.find((o) => o.key === key)?.name ?? key;
  const id = `entity-${entityKey}`;
  return (
    <section aria-labelledby={id}>
      <SectionHeading level={3} id={id}>
        {title}
      </SectionHeading>
      {error ? (
        <ErrorNotice title={t('keyFigures:facts.save')}>
          {error.map((line) => (
            <span key={line}>
              {line}
              <br />
            </span>
          ))}
        </ErrorNotice>
      ) : null}
      {saved ? <Note>{t('keyFigures:facts.saved')}</Note> : null}
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
    </section>
  );
}
