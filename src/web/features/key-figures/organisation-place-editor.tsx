/**
 * Where one organisation of the theme is, for the key figures: its type, its municipality (the
 * county follows) and, for a wellbeing services county organisation, its own county
 * (/api/v1/organisation-places). A refusal is shown with the server's reason.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchFresh, sendApi } from '../../api.js';
import { Button, TextField } from '../../components/forms.js';
import { NativeSelect } from '../../components/native-select.js';
import { SmallText } from '../../components/typography.js';
import type { RecordOf, Written as WrittenRecord } from '../../../contracts/records.js';
import type { UpdateInputOf } from '../../../contracts/write-inputs.js';
import { ORGANISATION_TYPE_KEYS } from '../../labels.js';
import { useLanguage } from '../../shell/language.js';
import { useSession } from '../../shell/session.js';
import { recordPath } from '../editing/record-form.js';
import { FactsEditorSection, failureLines } from './facts-editor-parts.js';

type Written = WrittenRecord<RecordOf<'organisation-places'>>;
type PlaceInput = UpdateInputOf<'organisation-places'>;

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
  const path = recordPath('organisation-places', organisationKey);
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
        {
          // The select offers only the contract's types.
          type: (type || null) as PlaceInput['type'],
          municipality: municipality.trim() || null,
          county: county || null,
        } satisfies PlaceInput,
        { language: lang, csrfToken: session?.csrfToken, ifMatch: record.version },
      );
      fill(written.data);
      setError(null);
      setSaved(true);
      onSaved();
    } catch (failure) {
      setError(
        failureLines(
          failure,
          {
            type: t('keyFigures:facts.type'),
            municipality: t('keyFigures:facts.municipality'),
            county: t('keyFigures:facts.county'),
          },
          t('common:error.text'),
        ),
      );
    }
  }
  const id = `organisation-${organisationKey}`;
  const countyName = (value: string | null) => counties.find((c) => c.id === value)?.name ?? value;
  return (
    <FactsEditorSection id={id} title={title} error={error} saved={saved}>
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
    </FactsEditorSection>
  );
}
