/**
 * Checks the dataset against the seed documents it cites: every amount's text and every project code
 * must stand in the seed at (or near) the cited lines, every amount's text must parse to the cents the
 * dataset holds, and every reference between records must resolve. Returns problems; empty means good.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFinnishAmount } from '../../domain/money.js';
import type { SeedAmount } from '../../contracts/dataset.js';
import type { Dataset } from './read-dataset.js';

type SourceRef = { seed: string; lines: [number, number] };

/** Lines of slack around a cited range: the extraction breaks lines and moves page footers. */
const SLACK = 5;

export function loadSeedLines(seedDir: string): Map<string, string[]> {
  const seeds = new Map<string, string[]>();
  for (const file of readdirSync(seedDir)) {
    const id = /^(\d{3})_/.exec(file)?.[1];
    if (id) seeds.set(id, readFileSync(join(seedDir, file), 'utf8').split('\n'));
  }
  return seeds;
}

/** The words that make an amount approximate, as the seeds write them. */
const APPROXIMATE = /^(noin|n\.|arviolta|ca\.?)\s*/i;

/** "2025-03-31" as the seeds write a date: "31.3.2025". */
const finnishDate = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return [day && String(Number(day)), month && String(Number(month)), year].filter(Boolean).join('.');
};

type Inferred = { reason: string; quote: string; source: SourceRef };

const squash = (text: string) => text.replace(/[\s\u00a0]+/g, '').toLowerCase();

export function checkDataset(dataset: Dataset, seeds: Map<string, string[]>): string[] {
  const problems: string[] = [];

  const excerpt = (source: SourceRef): string | null => {
    const lines = seeds.get(source.seed);
    if (!lines) return null;
    const [from, to] = source.lines;
    return squash(lines.slice(Math.max(0, from - 1 - SLACK), to + SLACK).join('\n'));
  };

  const cited = (where: string, source: SourceRef, text: string) => {
    const area = excerpt(source);
    if (area === null) problems.push(`${where}: cites unknown seed ${source.seed}`);
    else if (source.lines[0] > source.lines[1])
      problems.push(`${where}: line range ${source.lines.join('-')} is backwards`);
    else if (!area.includes(squash(text)))
      problems.push(`${where}: "${text}" is not in seed ${source.seed} lines ${source.lines.join('-')}`);
  };

  const amount = (where: string, source: SourceRef, value: SeedAmount | null) => {
    if (!value) return;
    cited(where, source, value.text);
    // "noin 3,5 milj.€": the words say approximate, and the amount after them parses as any other.
    const approximateWords = APPROXIMATE.exec(value.text);
    if (Boolean(value.approximate) !== Boolean(approximateWords))
      problems.push(
        `${where}: "${value.text}" is ${approximateWords ? '' : 'not '}approximate in the seed, the dataset says ${value.approximate ? '' : 'not '}approximate`,
      );
    const text = approximateWords ? value.text.slice(approximateWords[0].length) : value.text;
    const parsed = parseFinnishAmount(text, { notYetAsZero: true });
    if (!parsed.ok) problems.push(`${where}: "${value.text}" does not parse (${parsed.reason})`);
    else if (parsed.value.cents !== value.cents || parsed.value.rounded !== value.rounded)
      problems.push(
        `${where}: "${value.text}" parses to ${parsed.value.cents} cents (rounded: ${parsed.value.rounded}), dataset says ${value.cents} (rounded: ${value.rounded})`,
      );
  };

  const inferred = (where: string, value: Inferred) => cited(`${where} (inferred)`, value.source, value.quote);

  /** An inferred start or end needs the value and the words it was inferred from. */
  const period = (
    where: string,
    value: { start: string | null; end: string | null; inferred?: { start?: Inferred; end?: Inferred } | undefined },
  ) => {
    for (const side of ['start', 'end'] as const) {
      const reasoning = value.inferred?.[side];
      if (!reasoning) continue;
      if (value[side] === null) problems.push(`${where}: period ${side} is marked inferred but is empty`);
      inferred(`${where} period ${side}`, reasoning);
    }
  };

  const unique = (kind: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) problems.push(`${kind} key "${key}" is used twice`);
      seen.add(key);
    }
    return seen;
  };

  const themes = unique(
    'theme',
    dataset.themes.map((t) => t.slug),
  );
  const organisations = unique(
    'organisation',
    dataset.organisations.map((o) => o.key),
  );
  const calls = unique(
    'call',
    dataset.calls.map((c) => c.key),
  );
  unique(
    'project entity',
    dataset.projectEntities.map((e) => e.key),
  );
  unique(
    'theme order',
    dataset.themes.map((t) => String(t.order)),
  );

  for (const theme of dataset.themes) {
    const at = `theme ${theme.slug}`;
    theme.finance.forEach((finance, i) => {
      const where = `${at} finance[${i}]`;
      amount(`${where}.frame`, finance.source, finance.frame);
      amount(`${where}.reserved`, finance.source, finance.reserved);
      amount(`${where}.committed`, finance.source, finance.committed);
      amount(`${where}.paid`, finance.source, finance.paid);
      finance.frameByMinistry.forEach((split) =>
        amount(`${where}.frameByMinistry.${split.ministry}`, finance.source, split.amount),
      );
      if (finance.frame && finance.frameByMinistry.length > 0) {
        const sum = finance.frameByMinistry.reduce((total, split) => total + split.amount.cents, 0);
        if (sum !== finance.frame.cents)
          problems.push(`${where}: the frame split adds up to ${sum}, not ${finance.frame.cents}`);
      }
    });
    for (const contact of theme.contacts) {
      const where = `${at} contact ${contact.name}`;
      cited(where, contact.source, contact.name);
      // Validity and absence as the seed words them: "31.3.2025 saakka", "1.4.2025 lähtien", "virkavapaalla".
      if (contact.validTo) cited(`${where} validTo`, contact.source, `${finnishDate(contact.validTo)} saakka`);
      if (contact.validFrom) cited(`${where} validFrom`, contact.source, `${finnishDate(contact.validFrom)} lähtien`);
      if (contact.absence === 'on_leave') cited(`${where} absence`, contact.source, 'virkavapaalla');
    }
    for (const entry of theme.ministryRoles) {
      if (!theme.ministries.includes(entry.ministry))
        problems.push(`${at}: ministry role for ${entry.ministry}, which is not among the theme's ministries`);
      cited(`${at} ministry role ${entry.ministry}`, entry.source, entry.quote);
    }
    for (const entry of theme.inferredMinistries) {
      if (!theme.ministries.includes(entry.ministry))
        problems.push(`${at}: inferred ministry ${entry.ministry} is not among the theme's ministries`);
      inferred(`${at} inferred ministry ${entry.ministry}`, entry);
    }
    period(at, theme.period);
  }
  for (const organisation of dataset.organisations) {
    cited(`organisation ${organisation.key}`, organisation.source, organisation.name.fi);
    if (organisation.county && organisation.type !== 'wellbeing_services_county')
      problems.push(
        `organisation ${organisation.key}: a county without a municipality is only a wellbeing services county's own`,
      );
  }
  for (const call of dataset.calls) {
    const where = `call ${call.key}`;
    if (!themes.has(call.theme)) problems.push(`${where}: unknown theme "${call.theme}"`);
    amount(`${where}.budget`, call.source, call.budget);
    amount(`${where}.granted`, call.source, call.granted);
    amount(`${where}.leftOver`, call.source, call.leftOver);
  }
  for (const entity of dataset.projectEntities) {
    const where = `project entity ${entity.key}`;
    const theme = dataset.themes.find((t) => t.slug === entity.theme);
    if (!theme) problems.push(`${where}: unknown theme "${entity.theme}"`);
    if (entity.call && !calls.has(entity.call)) problems.push(`${where}: unknown call "${entity.call}"`);
    if (entity.contentArea && !theme?.contentAreas.some((area) => area.key === entity.contentArea))
      problems.push(`${where}: unknown content area "${entity.contentArea}"`);
    if (entity.groupCode) cited(where, entity.source, entity.groupCode);
    amount(`${where}.costEstimate`, entity.source, entity.costEstimate);
    period(where, entity.period);
    for (const change of entity.statusHistory) cited(`${where} status ${change.status}`, change.source, change.quote);
    const latest = [...entity.statusHistory].sort((a, b) => a.from.localeCompare(b.from)).at(-1);
    if (latest && latest.status !== entity.status)
      problems.push(`${where}: status is ${entity.status}, its latest status change says ${latest.status}`);
    // A group's roles are stated by the source (exactly one main) or not at all (all not_stated).
    const mains = entity.projects.filter((project) => project.role === 'main').length;
    const unstated = entity.projects.filter((project) => project.role === 'not_stated').length;
    if (unstated > 0 && unstated !== entity.projects.length)
      problems.push(`${where}: roles are stated for some implementers and not for others`);
    if (unstated === 0 && mains !== 1) problems.push(`${where}: has ${mains} main implementers, expected exactly 1`);
    if (unstated > 0 && entity.kind === 'single') problems.push(`${where}: a single project's implementer is its own`);
    if (entity.kind === 'single' && entity.projects.length !== 1)
      problems.push(`${where}: a single project has ${entity.projects.length} projects`);
    if (entity.kind === 'group' && entity.projects.length < 2)
      problems.push(`${where}: a group project needs at least 2 projects`);
    for (const project of entity.projects) {
      if (!organisations.has(project.implementer))
        problems.push(`${where}: unknown implementer "${project.implementer}"`);
      if (project.code) cited(where, entity.source, project.code);
      amount(`${where} ${project.code ?? project.implementer}.costEstimate`, entity.source, project.costEstimate);
    }
    for (const partner of entity.partners) {
      if (!organisations.has(partner)) problems.push(`${where}: unknown partner "${partner}"`);
    }
  }
  for (const figure of dataset.activityFigures) {
    if (!themes.has(figure.theme)) problems.push(`activity figure ${figure.key}: unknown theme "${figure.theme}"`);
  }
  const groups = unique(
    'steering group',
    dataset.steeringGroups.map((g) => g.key),
  );
  for (const group of dataset.steeringGroups) {
    for (const slug of group.themes)
      if (!themes.has(slug)) problems.push(`steering group ${group.key}: unknown theme "${slug}"`);
    const people = [
      ...group.seats.flatMap((seat) => [seat.member, seat.deputy]),
      ...group.permanentExperts,
      ...group.secretaries,
    ];
    for (const person of people) if (person) cited(`steering group ${group.key}`, group.source, person.name);
  }
  for (const meeting of dataset.meetings) {
    if (!groups.has(meeting.steeringGroup))
      problems.push(`meeting ${meeting.key}: unknown steering group "${meeting.steeringGroup}"`);
    for (const person of meeting.attendance) cited(`meeting ${meeting.key} attendance`, meeting.source, person.name);
    for (const item of meeting.items) {
      cited(`meeting ${meeting.key} item ${item.number}`, item.source, item.title);
      for (const action of item.actions) {
        cited(`meeting ${meeting.key} item ${item.number} action`, action.source, action.text);
        if (action.owner) cited(`meeting ${meeting.key} item ${item.number} action owner`, action.source, action.owner);
      }
    }
  }
  return problems;
}
