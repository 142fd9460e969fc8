/**
 * A theme's key figures shaped like a coordination deck: each slide of the deck the server builds
 * (the same one the PPTX and the chart files draw) as a heading, its one-sentence summary, the chart
 * as a picture with the values on it, the same numbers as a table, and what is not known said as a
 * number with a link to where it is filled in; the map of implementers by county beside its table.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { KeyFigureDeck, ThemeFigures } from '../../../contracts/api.js';
import { useApi } from '../../api.js';
import { CountyMap } from '../../components/county-map.js';
import { Cell, DataTable, RowHeader } from '../../components/data-table.js';
import { DownloadButtons, SortHeaderRow, useTableState, type TableColumn } from '../../components/data-table/index.js';
import { Columns, Panel, PlainList } from '../../components/layout.js';
import { AppLink, PlainLink } from '../../components/links.js';
import { PageHeading, Paragraph, SectionHeading, SmallText } from '../../components/typography.js';
import { PageState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { paths } from '../../paths.js';

type Slide = KeyFigureDeck['slides'][number];
type SlideRow = Slide['rows'][number];

const api = (slug: string) => `/api/v1/themes/${encodeURIComponent(slug)}`;

export function KeyFiguresPage() {
  const { slug = '' } = useParams();
  const lang = useLanguage();
  const deck = useApi<KeyFigureDeck>(`${api(slug)}/key-figures?lang=${lang}`, lang);
  return <PageState state={deck}>{(data) => <DeckView deck={data} />}</PageState>;
}

function DeckView({ deck }: { deck: KeyFigureDeck }) {
  const lang = useLanguage();
  const { t } = useTranslation(['keyFigures']);
  const figures = useApi<ThemeFigures>(`${api(deck.theme.slug)}/figures`, lang);
  const title = t('keyFigures:title', { theme: deck.theme.name });
  usePageTitle(title);
  const facts = paths.keyFigureFacts(lang, deck.theme.slug);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>{t('keyFigures:lead')}</Paragraph>
      <Paragraph>
        <AppLink to={paths.theme(lang, deck.theme.slug)}>{deck.theme.name}</AppLink> ·{' '}
        <AppLink to={facts}>{t('keyFigures:facts.link')}</AppLink> ·{' '}
        <AppLink to={paths.keyFiguresAcrossThemes(lang)}>{t('keyFigures:across.link')}</AppLink>
      </Paragraph>
      <Panel aria-labelledby="key-figures-downloads">
        <SectionHeading id="key-figures-downloads">{t('keyFigures:downloads')}</SectionHeading>
        <PlainList aria-label={t('keyFigures:downloads')}>
          <li>
            <PlainLink href={`${api(deck.theme.slug)}/key-figures.pptx?lang=fi`}>
              {t('keyFigures:pptx', { language: t('keyFigures:languageFi') })}
            </PlainLink>
          </li>
          <li>
            <PlainLink href={`${api(deck.theme.slug)}/key-figures.pptx?lang=sv`}>
              {t('keyFigures:pptx', { language: t('keyFigures:languageSv') })}
            </PlainLink>
          </li>
        </PlainList>
      </Panel>
      {deck.slides.map((slide) => (
        <SlideView
          key={slide.key}
          slide={slide}
          deck={deck}
          facts={facts}
          implementers={
            slide.key === 'counties' && figures.status === 'ok'
              ? Object.fromEntries(Object.entries(figures.data.byCounty).map(([id, c]) => [id, c.implementers]))
              : null
          }
        />
      ))}
      <SmallText>
        {deck.service} · {deck.euCoFunding}
      </SmallText>
    </>
  );
}

function SlideView({
  slide,
  deck,
  facts,
  implementers,
}: {
  slide: Slide;
  deck: KeyFigureDeck;
  facts: string;
  implementers: Record<string, number> | null;
}) {
  const lang = useLanguage();
  const { t } = useTranslation(['keyFigures']);
  const number = (value: number) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang).format(value);
  const chart = `${api(deck.theme.slug)}/key-figures/charts/${slide.key}`;
  const id = `slide-${slide.key}`;
  const two = slide.secondLabel !== undefined;
  const grouped = slide.rows.some((row) => row.group);
  // The table alternative of the chart, sortable and downloadable; a sector's area is a column of
  // its own (not a heading row), so that the rows can be sorted and written to a spreadsheet.
  const columns = useMemo(
    (): TableColumn<SlideRow>[] => [
      ...(grouped
        ? [
            {
              key: 'area',
              header: t('keyFigures:area'),
              kind: 'text',
              value: (r) => r.group ?? null,
            } as TableColumn<SlideRow>,
          ]
        : []),
      { key: 'item', header: t('keyFigures:item'), kind: 'text', value: (r) => r.label },
      { key: 'value', header: slide.valueLabel, kind: 'integer', value: (r) => r.value },
      ...(two
        ? [
            {
              key: 'second',
              header: slide.secondLabel ?? '',
              kind: 'integer',
              value: (r) => r.second ?? 0,
            } as TableColumn<SlideRow>,
          ]
        : []),
    ],
    [t, grouped, two, slide.valueLabel, slide.secondLabel],
  );
  const table = useTableState({ rows: slide.rows, columns, language: lang, prefix: `${slide.key}-` });
  return (
    <Panel aria-labelledby={id}>
      <SectionHeading id={id}>{slide.title}</SectionHeading>
      <Paragraph>{slide.summary}</Paragraph>
      <Columns>
        {slide.key === 'counties' && implementers ? (
          <CountyMap
            title={t('keyFigures:map.title')}
            summary={t('keyFigures:map.summary', {
              with: slide.rows.length,
              without: slide.none?.names.length ?? 0,
            })}
            attribution={deck.attribution}
            implementers={implementers}
            loadingText="…"
            errorText={slide.summary}
          />
        ) : (
          <figure style={{ margin: 0 }}>
            <img src={`${chart}.svg?lang=${lang}`} alt={slide.summary} style={{ maxWidth: '100%', height: 'auto' }} />
          </figure>
        )}
        <div>
          <DataTable caption={t('keyFigures:table', { title: slide.title })}>
            <thead>
              <SortHeaderRow table={table} />
            </thead>
            <tbody>
              {table.pageRows.map((row) => (
                <tr key={row.key}>
                  {grouped ? <Cell>{row.group}</Cell> : null}
                  <RowHeader>{row.label}</RowHeader>
                  <Cell numeric>{number(row.value)}</Cell>
                  {two ? <Cell numeric>{number(row.second ?? 0)}</Cell> : null}
                </tr>
              ))}
            </tbody>
          </DataTable>
          <DownloadButtons table={table} fileName={`${deck.theme.slug}-${slide.key}`} sheetName={slide.title} />
          {slide.none ? (
            <>
              <SectionHeading level={3}>{`${slide.none.title} (${number(slide.none.names.length)})`}</SectionHeading>
              <PlainList aria-label={slide.none.title}>
                {slide.none.names.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </PlainList>
            </>
          ) : null}
          {slide.unknown ? (
            <Paragraph>
              {slide.unknown.text} – <AppLink to={`${facts}#${slide.unknown.fillIn}`}>{t('keyFigures:fillIn')}</AppLink>
            </Paragraph>
          ) : null}
          <SmallText>
            <PlainLink href={`${chart}.svg?lang=${lang}`}>
              {t('keyFigures:chartFile', { chart: slide.title, format: 'SVG' })}
            </PlainLink>{' '}
            ·{' '}
            <PlainLink href={`${chart}.png?lang=${lang}`}>
              {t('keyFigures:chartFile', { chart: slide.title, format: 'PNG' })}
            </PlainLink>
          </SmallText>
        </div>
      </Columns>
    </Panel>
  );
}
