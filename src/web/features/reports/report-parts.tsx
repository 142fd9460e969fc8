/**
 * The read-only parts of a theme report: the header filled from the data as of the cut-off, section
 * text, the generated project list (section 7), the links (section 6) and comments on a section.
 */
import { useTranslation } from 'react-i18next';
import type { Inline, RichText } from '../../../domain/reports/rich-text.js';
import { ContactLine } from '../../components/contact-line.js';
import { Note } from '../../components/feedback.js';
import { Button, FieldGroup, TextField } from '../../components/forms.js';
import { Fact, FactList, PlainList, Stat, StatList, Toolbar } from '../../components/layout.js';
import { ExternalLink } from '../../components/links.js';
import { Localized } from '../../components/localized.js';
import { Paragraph, SectionHeading, SmallText } from '../../components/typography.js';
import { dateTime, eurosOrUnknown, partialDate, period } from '../../format.js';
import type { Language } from '../../i18n.js';
import { ENTITY_KIND_KEYS, keyOf, MINISTRY_KEYS } from '../../labels.js';
import type { LinkRow, Report } from './report-model.js';

export function HeaderView({ report, lang }: { report: Report; lang: Language }) {
  const { t } = useTranslation(['reports', 'common', 'themes']);
  const { header } = report;
  const figures = header.figures;
  const money = (cents: number | null, rounded: boolean) => eurosOrUnknown(cents, lang, t('common:notKnown'), rounded);
  const contacts = (list: Report['header']['contacts']) =>
    list.length === 0 ? (
      t('common:notKnown')
    ) : (
      <PlainList>
        {list.map((contact, index) => (
          <ContactLine key={index} contact={contact} />
        ))}
      </PlainList>
    );
  return (
    <>
      <Paragraph>
        {header.frozenAt
          ? t('reports:header.frozen', { date: dateTime(header.frozenAt, lang) })
          : t('reports:header.fromData', {
              date: report.period.cutOff ? partialDate(report.period.cutOff, lang) : t('common:notKnown'),
            })}
      </Paragraph>
      <FactList>
        <Fact label={t('reports:header.theme')}>
          <Localized value={header.theme.name} language={lang} />
        </Fact>
        <Fact label={t('reports:header.ministries')}>
          {header.ministries.map((m) => t(MINISTRY_KEYS[m])).join(', ') || t('common:notKnown')}
        </Fact>
        <Fact label={t('reports:header.ministryContacts')}>{contacts(header.ministryContacts)}</Fact>
        <Fact label={t('reports:header.contacts')}>{contacts(header.contacts)}</Fact>
        <Fact label={t('reports:header.period')}>{period(header.period, lang) ?? t('common:notKnown')}</Fact>
      </FactList>
      {figures ? (
        <>
          <SectionHeading level={3} id="report-figures">
            {t('reports:header.figures', { date: partialDate(figures.asOf, lang) })}
          </SectionHeading>
          <StatList aria-labelledby="report-figures">
            <Stat label={t('common:figures.frame')} value={money(figures.frame, figures.rounded.frame)} />
            <Stat label={t('common:figures.reserved')} value={money(figures.reserved, figures.rounded.reserved)} />
            <Stat label={t('common:figures.committed')} value={money(figures.committed, figures.rounded.committed)} />
            <Stat label={t('common:figures.paid')} value={money(figures.paid, figures.rounded.paid)} />
          </StatList>
        </>
      ) : (
        <Paragraph>{t('reports:header.noFigures')}</Paragraph>
      )}
    </>
  );
}

/** Section text as stored: paragraphs, lists and links, rendered as elements (never as HTML). */
export function RichTextView({ blocks, emptyText }: { blocks: RichText; emptyText: string }) {
  if (blocks.length === 0) return <Paragraph>{emptyText}</Paragraph>;
  const inline = (content: Inline[]) =>
    content.map((piece, index) =>
      piece.type === 'link' ? (
        <a key={index} href={piece.href}>
          {piece.text}
        </a>
      ) : (
        <span key={index}>{piece.text}</span>
      ),
    );
  return (
    <>
      {blocks.map((block, index) => {
        if (block.type === 'paragraph') return <Paragraph key={index}>{inline(block.content)}</Paragraph>;
        const items = block.items.map((item, i) => <li key={i}>{inline(item)}</li>);
        return block.ordered ? <ol key={index}>{items}</ol> : <PlainList key={index}>{items}</PlainList>;
      })}
    </>
  );
}

export function ProjectListView({ projects, lang }: { projects: Report['projects']; lang: Language }) {
  const { t } = useTranslation(['reports', 'common']);
  if (projects.length === 0) return <Paragraph>{t('reports:projects.none')}</Paragraph>;
  return (
    <>
      {projects.map((group, index) => (
        <section key={index} aria-labelledby={`project-group-${index}`}>
          <SectionHeading level={3} id={`project-group-${index}`}>
            {group.contentArea ? (
              <Localized value={group.contentArea.name} language={lang} />
            ) : (
              (group.title ?? t('reports:projects.ungrouped'))
            )}
          </SectionHeading>
          <PlainList>
            {group.entities.map((entity) => (
              <li key={entity.key}>
                <Localized value={entity.name} language={lang} /> (
                {t(keyOf(ENTITY_KIND_KEYS, entity.kind) ?? 'common:notKnown')}
                {period(entity.period, lang) ? `, ${period(entity.period, lang)}` : ''})
                <SmallText>
                  {entity.projects
                    .map((project) => `${project.implementer}${project.code ? ` (${project.code})` : ''}`)
                    .join('; ')}
                </SmallText>
              </li>
            ))}
          </PlainList>
        </section>
      ))}
    </>
  );
}

export function LinksView({ links }: { links: Report['links'] }) {
  const { t } = useTranslation(['reports', 'common']);
  if (links.length === 0) return <Paragraph>{t('reports:links.none')}</Paragraph>;
  return (
    <PlainList>
      {links.map((link) => (
        <li key={link.url}>
          <ExternalLink href={link.url} newWindowLabel={t('common:newWindow')}>
            {link.title ?? link.url}
          </ExternalLink>
        </li>
      ))}
    </PlainList>
  );
}

type LinksEditorProps = { rows: LinkRow[]; onChange: (rows: LinkRow[]) => void; errors: Record<string, string> };

/** Section 6: web addresses with optional titles, one pair of fields per link. */
export function LinksEditor({ rows, onChange, errors }: LinksEditorProps) {
  const { t } = useTranslation(['reports', 'editing']);
  const set = (index: number, change: Partial<LinkRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <>
      {rows.length === 0 ? <Paragraph>{t('reports:links.none')}</Paragraph> : null}
      {rows.map((row, index) => (
        <FieldGroup key={index}>
          <legend>{t('reports:links.legend', { number: index + 1 })}</legend>
          <TextField
            id={`link-${index}-url`}
            label={t('reports:links.url')}
            hint={t('reports:links.urlHint')}
            value={row.url}
            onChange={(url) => set(index, { url })}
            error={errors[`links.${index}.url`]}
          />
          <TextField
            id={`link-${index}-title`}
            label={t('reports:links.title')}
            value={row.title}
            onChange={(title) => set(index, { title })}
            error={errors[`links.${index}.title`]}
            optionalText={t('editing:optional')}
          />
          <Toolbar>
            <Button variant="secondary" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              {t('reports:links.remove', { number: index + 1 })}
            </Button>
          </Toolbar>
        </FieldGroup>
      ))}
      <Toolbar>
        <Button variant="secondary" onClick={() => onChange([...rows, { url: '', title: '' }])}>
          {t('reports:links.add')}
        </Button>
      </Toolbar>
    </>
  );
}

/** The ministry's comments on one section, newest first; `id` lets the section's field refer to them. */
export function CommentList({ comments, id, lang }: { comments: Report['comments']; id: string; lang: Language }) {
  const { t } = useTranslation(['reports']);
  if (comments.length === 0) return null;
  return (
    <div id={id}>
      {[...comments].reverse().map((comment) => (
        <Note
          key={comment.id}
          title={t('reports:comments.from', { who: comment.author, when: dateTime(comment.at, lang) })}
        >
          {comment.body}
        </Note>
      ))}
    </div>
  );
}
