/**
 * Where one organisation of the theme is, for the key figures: its type, its municipality (the
 * county follows) and, for a wellbeing services county organisation, its own county
 * (/api/v1/organisation-places). A refusal is shown with the server's reason.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fetchFresh, sendApi } from '../../api.js';
import { ErrorNotice, Note } from '../../components/feedback.js';
import { Button, TextField } from '../../components/forms.js';
import { NativeSelect } from '../../components/native-select.js';
import { SectionHeading, SmallText } from '../../components/typography.js';
import { ORGANISATION_TYPE_KEYS } from '../../labels.js';
import { useLanguage } from '../../shell/language.js';
import { useSession } from '../../shell/session.js';

type Place = {
  key: string;
  type: string | null;
  municipality: string | null;
  county: string | null;
  countyOfFigures: string | null;
};
type Written = { data: Place; version: number };

export function OrganisationPlaceEditor({
  organisationKey,
  title,
  counties,
  onSaved,
}: {
  organisationKey: string;
  title: string;
  counties: { id: string; name: string }[];
  onSaved: () => void;
}) {
  const lang = useLanguage();
  const { t } = useTranslation(['keyFigures', 'common']);
  const { session } = useSession();
  const path = `/api/v1/organisation-places/${encodeURIComponent(organisationKey)}`;
  const [record, setRecord] = useState<Written | null>(null);
  const [type, setType] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [county, setCounty] = useState('');
  const [error, setError] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const fill = (written: Written) => {
    setRecord(written);
    setType(written.data.type ?? '');
    setMunicipality(written.data.municipality ?? '');
    setCounty(written.data.county ?? '');
  };
  useEffect(() => {
    if (!session) return;
    fetchFresh<Written>(`${path}/record`, lang).then(fill, () => setError([t('keyFigures:facts.signIn')]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, session]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!record) return;
    setSaved(false);
    try {
      const written = await sendApi<Written>(
        'PATCH',
        path,
        { type: type || null, municipality: municipality.trim() || null, county: county || null },
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
  const id = `organisation-${organisationKey}`;
  const countyName = (value: string | null) => counties.find((c) => c.id === value)?.name ?? value;
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
          <NativeSelect
            label={t('keyFigures:facts.type')}
            value={type}
            onChange={setType}
            options={[
              { value: '', label: t('keyFigures:facts.typeUnknown') },
              ...Object.entries(ORGANISATION_TYPE_KEYS)
                .filter(([key]) => key !== 'unknown')
                .map(([key, label]) => ({ value: key, label: t(label) })),
            ]}
          />
          <TextField
            id={`${id}-municipality`}
            label={t('keyFigures:facts.municipality')}
            hint={t('keyFigures:facts.municipalityHint')}
            inputMode="numeric"
            value={municipality}
            onChange={setMunicipality}
          />
          {type === 'wellbeing_services_county' || county ? (
            <NativeSelect
              label={t('keyFigures:facts.county')}
              value={county}
              onChange={setCounty}
              options={[
                { value: '', label: t('keyFigures:facts.countyFromMunicipality') },
                ...counties.map((c) => ({ value: c.id, label: c.name })),
              ]}
            />
          ) : null}
          <SmallText>
            {record.data.countyOfFigures
              ? t('keyFigures:facts.countyNow', { county: countyName(record.data.countyOfFigures) })
              : t('keyFigures:facts.countyUnknown')}
          </SmallText>
          <Button type="submit">{t('keyFigures:facts.save')}</Button>
        </form>
      ) : null}
    </section>
  );
}
