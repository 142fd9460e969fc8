/**
 * The open data as tables, one per collection, for people who open them in a spreadsheet: flat
 * rows with stable column names, amounts in euros (the full export keeps cents), lists joined with
 * "; ". Each table is offered as JSON (an array of row objects), CSV (RFC 4180, UTF-8 with a byte
 * order mark so that spreadsheets read the letters right) and XLSX. The rows are read from the same
 * readers as the full export (db/repositories/open-data.ts), so the tables and the export agree.
 */
import { setImmediate } from 'node:timers/promises';
import type { SheetData } from 'write-excel-file/node';
import type { Db } from '../db/database.js';
import {
  activitiesForExport,
  activityFiguresForExport,
  callsForExport,
  keyFiguresForExport,
  organisationsForExport,
  publishedMinutesForExport,
  steeringGroupsForExport,
  themesForExport,
} from '../db/repositories/open-data.js';

export type CellValue = string | number | boolean | null;
export type ColumnType = 'text' | 'integer' | 'number' | 'euros' | 'boolean';
export type Column = { name: string; type: ColumnType; description: string };
export type TableRow = Record<string, CellValue>;

type Table = {
  title: { fi: string; sv: string; en: string };
  columns: Column[];
  rows: (db: Db) => AsyncGenerator<TableRow>;
};

const euros = (cents: number | null): number | null => (cents === null ? null : cents / 100);
const list = (values: readonly string[]): string | null => (values.length === 0 ? null : values.join('; '));
/** "field: words; field: words" for the source's own words kept with amounts. */
const pairs = (record: Record<string, string>): string | null =>
  list(Object.entries(record).map(([field, words]) => `${field}: ${words}`));
const col = (name: string, type: ColumnType, description: string): Column => ({ name, type, description });
const text3 = (prefix: string, what: string): Column[] => [
  col(`${prefix}Fi`, 'text', `${what} in Finnish`),
  col(`${prefix}Sv`, 'text', `${what} in Swedish`),
  col(`${prefix}En`, 'text', `${what} in English`),
];

export const OPEN_DATA_TABLES = {
  themes: {
    title: { fi: 'Teemat', sv: 'Teman', en: 'Themes' },
    columns: [
      col('id', 'text', 'Theme id'),
      ...text3('title', 'Name'),
      col('specificObjectives', 'text', 'Specific objectives, "; "-separated'),
      col('plannedStart', 'text', 'Start (ISO date, possibly year or month only)'),
      col('plannedEnd', 'text', 'End (ISO date, possibly year or month only)'),
      col('fundingOrganisations', 'text', 'Ministries (TEM, OKM, STM), "; "-separated'),
      col('ministryRoles', 'text', 'Each ministry\'s role where a source says so ("TEM: lead"), "; "-separated'),
      col('ministriesInferred', 'text', 'Ministries no source names, with why they were inferred, "; "-separated'),
      col('intermediateBody', 'text', 'Intermediate body'),
    ],
    rows: async function* (db) {
      for await (const theme of themesForExport(db)) {
        yield {
          id: theme.id,
          titleFi: theme.title.fi,
          titleSv: theme.title.sv,
          titleEn: theme.title.en,
          specificObjectives: list(theme.specificObjectives),
          plannedStart: theme.plannedDates.start,
          plannedEnd: theme.plannedDates.end,
          fundingOrganisations: list(theme.fundingOrganisations),
          ministryRoles: list(theme.fundingOrganisationRoles.filter((m) => m.role).map((m) => `${m.ref}: ${m.role}`)),
          ministriesInferred: list(
            theme.fundingOrganisationRoles.filter((m) => m.inferred).map((m) => `${m.ref}: ${m.inferred!.reason}`),
          ),
          intermediateBody: theme.intermediateBody,
        };
      }
    },
  },
  figures: {
    title: { fi: 'Teemojen rahoitusluvut', sv: 'Temanas finansieringssiffror', en: 'Themes’ finance figures' },
    columns: [
      col('theme', 'text', 'Theme id'),
      col('asOf', 'text', 'Date of the figures'),
      col('budget', 'euros', 'Funding frame, euros'),
      col('amountReserved', 'euros', 'Reserved, euros'),
      col('amountAwarded', 'euros', 'Committed grant authority, euros'),
      col('amountDisbursed', 'euros', 'Paid costs, euros'),
      col('rounded', 'text', 'Figures the source gives only rounded, "; "-separated'),
      col('approximate', 'text', 'Figures the source gives only approximately ("noin"), "; "-separated'),
      col(
        'asWritten',
        'text',
        'The source\'s own words kept with a figure ("amountDisbursed: ei vielä"), "; "-separated',
      ),
    ],
    rows: async function* (db) {
      for await (const theme of themesForExport(db)) {
        for (const figures of theme.finance) {
          yield {
            theme: theme.id,
            asOf: figures.asOf,
            budget: euros(figures.budget),
            amountReserved: euros(figures.amountReserved),
            amountAwarded: euros(figures.amountAwarded),
            amountDisbursed: euros(figures.amountDisbursed),
            rounded: list(figures.rounded),
            approximate: list(figures.approximate),
            asWritten: pairs(figures.asWritten),
          };
        }
      }
    },
  },
  calls: {
    title: { fi: 'Rahoitushaut', sv: 'Utlysningar', en: 'Calls for proposals' },
    columns: [
      col('id', 'text', 'Call id'),
      col('theme', 'text', 'Theme id'),
      ...text3('title', 'Name'),
      col('kind', 'text', 'Kind of call'),
      col('specificObjectives', 'text', 'Specific objectives, "; "-separated'),
      col('opens', 'text', 'Opens (ISO date)'),
      col('closes', 'text', 'Closes (ISO date)'),
      col('budget', 'euros', 'Money announced, euros'),
      col('budgetRounded', 'boolean', 'The budget is rounded'),
      col('budgetApproximate', 'boolean', 'The budget is approximate ("noin")'),
      col('applications', 'integer', 'Applications'),
      col('applicationEntities', 'integer', 'Project entities applied'),
      col('eligibleEntities', 'integer', 'Eligible project entities'),
      col('fundedEntities', 'integer', 'Funded project entities'),
      col('amountAwarded', 'euros', 'Granted, euros'),
      col('amountAwardedRounded', 'boolean', 'The granted amount is rounded'),
      col('amountAwardedApproximate', 'boolean', 'The granted amount is approximate'),
      col('leftOver', 'euros', 'Left over, euros'),
      col('leftOverRounded', 'boolean', 'The left-over amount is rounded'),
      col('leftOverApproximate', 'boolean', 'The left-over amount is approximate'),
      col(
        'asWritten',
        'text',
        'The source\'s own words kept with an amount ("budget: noin 3,5 milj. €"), "; "-separated',
      ),
    ],
    rows: async function* (db) {
      for await (const call of callsForExport(db)) {
        yield {
          id: call.id,
          theme: call.theme,
          titleFi: call.title.fi,
          titleSv: call.title.sv,
          titleEn: call.title.en,
          kind: call.kind,
          specificObjectives: list(call.specificObjectives),
          opens: call.opens,
          closes: call.closes,
          budget: euros(call.budget),
          budgetRounded: call.budgetRounded,
          budgetApproximate: call.budgetApproximate,
          applications: call.applications,
          applicationEntities: call.applicationEntities,
          eligibleEntities: call.eligibleEntities,
          fundedEntities: call.fundedEntities,
          amountAwarded: euros(call.amountAwarded),
          amountAwardedRounded: call.amountAwardedRounded,
          amountAwardedApproximate: call.amountAwardedApproximate,
          leftOver: euros(call.leftOver),
          leftOverRounded: call.leftOverRounded,
          leftOverApproximate: call.leftOverApproximate,
          asWritten: pairs(call.asWritten),
        };
      }
    },
  },
  activities: {
    title: { fi: 'Hankkeet', sv: 'Projekt', en: 'Projects' },
    columns: [
      col('id', 'text', 'Activity id: a project entity, or a member project of a group'),
      col('hierarchy', 'text', 'single, group or member'),
      col('parent', 'text', 'The group project of a member project'),
      col('identifiers', 'text', 'Project codes, "; "-separated'),
      ...text3('title', 'Name'),
      col('theme', 'text', 'Theme id'),
      col('status', 'text', 'Status'),
      col('activityType', 'text', 'Type of project'),
      col('plannedStart', 'text', 'Start (ISO date)'),
      col('plannedEnd', 'text', 'End (ISO date)'),
      col('plannedStartInferred', 'text', 'Why the start is inferred, where no source states it'),
      col('plannedEndInferred', 'text', 'Why the end is inferred, where no source states it'),
      col('decidedOn', 'text', 'Funding decision (ISO date, possibly month only)'),
      col('statusHistory', 'text', 'Dated status changes ("granted 2024-11"), "; "-separated'),
      col('amountPlanned', 'euros', 'Cost estimate, euros'),
      col('amountPlannedRounded', 'boolean', 'The cost estimate is rounded'),
      col('website', 'text', 'Website'),
      col('fundingOrganisations', 'text', 'Ministries funding it, "; "-separated'),
      col('leadImplementers', 'text', 'Main implementers (organisation ids) where a source says so, "; "-separated'),
      col('implementers', 'text', 'Every implementer (organisation ids), "; "-separated'),
      col('partners', 'text', 'Partners (organisation ids), "; "-separated'),
    ],
    rows: async function* (db) {
      for await (const activity of activitiesForExport(db)) {
        const refs = (role: string, lead?: boolean) =>
          list(
            activity.participatingOrganisations
              .filter((p) => p.role === role && (lead === undefined || p.lead === lead))
              .map((p) => p.ref),
          );
        yield {
          id: activity.id,
          hierarchy: activity.hierarchy,
          parent: activity.relatedActivities.find((r) => r.type === 'parent')?.ref ?? null,
          identifiers: list(activity.identifiers),
          titleFi: activity.title.fi,
          titleSv: activity.title.sv,
          titleEn: activity.title.en,
          theme: activity.theme,
          status: activity.status,
          activityType: activity.activityType,
          plannedStart: activity.plannedDates.start,
          plannedEnd: activity.plannedDates.end,
          plannedStartInferred: activity.plannedDatesInferred.start?.reason ?? null,
          plannedEndInferred: activity.plannedDatesInferred.end?.reason ?? null,
          decidedOn: activity.decidedOn,
          statusHistory: list(activity.statusHistory.map((change) => `${change.status} ${change.from}`)),
          amountPlanned: euros(activity.amountPlanned),
          amountPlannedRounded: activity.amountPlannedRounded,
          website: activity.website,
          fundingOrganisations: refs('funding'),
          leadImplementers: refs('implementing', true),
          implementers: refs('implementing'),
          partners: refs('partner'),
        };
      }
    },
  },
  organisations: {
    title: { fi: 'Organisaatiot', sv: 'Organisationer', en: 'Organisations' },
    columns: [
      col('id', 'text', 'Organisation id'),
      col('orgIdentifier', 'text', 'org-id.guide identifier (FI-PRO-<business ID>)'),
      col('businessId', 'text', 'Business ID (Y-tunnus)'),
      ...text3('name', 'Name'),
      col('type', 'text', 'Type of organisation'),
      col('municipality', 'text', 'Municipality number'),
      col('county', 'text', 'Wellbeing services county id'),
      col('countyInferred', 'text', 'Why the county is inferred, where no municipality gives it'),
    ],
    rows: async function* (db) {
      for await (const organisation of organisationsForExport(db)) {
        yield {
          id: organisation.id,
          orgIdentifier: organisation.orgIdentifier,
          businessId: organisation.businessId,
          nameFi: organisation.name.fi,
          nameSv: organisation.name.sv,
          nameEn: organisation.name.en,
          type: organisation.type,
          municipality: organisation.municipality,
          county: organisation.county,
          countyInferred: organisation.countyInferred?.reason ?? null,
        };
      }
    },
  },
  keyFigures: {
    title: { fi: 'Teemojen tunnusluvut', sv: 'Temanas nyckeltal', en: 'Themes’ key figures' },
    columns: [
      col('theme', 'text', 'Theme id'),
      col(
        'figure',
        'text',
        'projectEntities, singleImplementerEntities, groupProjects, projects, implementers, byMinistry, byOrganisationType or bySector',
      ),
      col('category', 'text', 'The ministry, organisation type or sector of a by… figure'),
      col('value', 'integer', 'Count'),
    ],
    rows: async function* (db) {
      for await (const figures of keyFiguresForExport(db)) {
        for (const figure of [
          'projectEntities',
          'singleImplementerEntities',
          'groupProjects',
          'projects',
          'implementers',
        ] as const) {
          yield { theme: figures.theme, figure, category: null, value: figures[figure] };
        }
        for (const figure of ['byMinistry', 'byOrganisationType', 'bySector'] as const) {
          for (const [category, value] of Object.entries(figures[figure])) {
            yield { theme: figures.theme, figure, category, value };
          }
        }
      }
    },
  },
  activityFigures: {
    title: { fi: 'Toimintaluvut', sv: 'Verksamhetssiffror', en: 'Activity figures' },
    columns: [
      col('id', 'text', 'Figure id'),
      col('theme', 'text', 'Theme id'),
      ...text3('label', 'What is counted'),
      col('value', 'number', 'Value'),
      col('unit', 'text', 'Unit'),
      col('periodStart', 'text', 'Period start (ISO date)'),
      col('periodEnd', 'text', 'Period end (ISO date)'),
    ],
    rows: async function* (db) {
      for await (const figure of activityFiguresForExport(db)) {
        yield {
          id: figure.id,
          theme: figure.theme,
          labelFi: figure.label.fi,
          labelSv: figure.label.sv,
          labelEn: figure.label.en,
          value: figure.value,
          unit: figure.unit,
          periodStart: figure.period.start,
          periodEnd: figure.period.end,
        };
      }
    },
  },
  steeringGroups: {
    title: { fi: 'Ohjausryhmät', sv: 'Styrgrupper', en: 'Steering groups' },
    columns: [
      col('id', 'text', 'Steering group id'),
      ...text3('name', 'Name'),
      col('themes', 'text', 'Theme ids, "; "-separated'),
      col('termStart', 'text', 'Term start (ISO date)'),
      col('termEnd', 'text', 'Term end (ISO date)'),
      col('diaryNumber', 'text', 'Diary number of the appointment'),
    ],
    rows: async function* (db) {
      for await (const group of steeringGroupsForExport(db)) {
        yield {
          id: group.id,
          nameFi: group.name.fi,
          nameSv: group.name.sv,
          nameEn: group.name.en,
          themes: list(group.themes),
          termStart: group.term.start,
          termEnd: group.term.end,
          diaryNumber: group.diaryNumber,
        };
      }
    },
  },
  publishedMinutes: {
    title: { fi: 'Julkaistut pöytäkirjat', sv: 'Publicerade protokoll', en: 'Published minutes' },
    columns: [
      col('minutes', 'text', 'Meeting id'),
      col('steeringGroup', 'text', 'Steering group id'),
      col('number', 'text', 'Meeting number'),
      col('date', 'text', 'Meeting date (ISO date)'),
      col('item', 'integer', 'Agenda item number'),
      col('title', 'text', 'Agenda item, in Finnish'),
      col('titleSv', 'text', 'Agenda item, in Swedish'),
      col('decision', 'text', 'Decision'),
    ],
    rows: async function* (db) {
      for await (const minutes of publishedMinutesForExport(db)) {
        for (const item of minutes.agenda) {
          yield {
            minutes: minutes.id,
            steeringGroup: minutes.steeringGroup,
            number: minutes.number,
            date: minutes.date,
            item: item.number,
            title: item.title,
            titleSv: item.titleSv,
            decision: item.decision,
          };
        }
      }
    },
  },
} satisfies Record<string, Table>;

export type OpenDataTableName = keyof typeof OPEN_DATA_TABLES;
export const OPEN_DATA_TABLE_NAMES = Object.keys(OPEN_DATA_TABLES) as OpenDataTableName[];
export const TABLE_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export const TABLE_MEDIA_TYPES: Record<TableFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A table's rows in column order, every column present (null where the record has no value). */
async function* orderedRows(db: Db, name: OpenDataTableName): AsyncGenerator<CellValue[]> {
  const table: Table = OPEN_DATA_TABLES[name];
  let count = 0;
  for await (const row of table.rows(db)) {
    yield table.columns.map((column) => row[column.name] ?? null);
    // better-sqlite3 answers synchronously: let other requests in now and then.
    if (++count % 5000 === 0) await setImmediate();
  }
}

/**
 * A CSV field. Text that a spreadsheet would run as a formula (starting with =, +, @, a tab or a
 * carriage return) gets a leading apostrophe, as OWASP advises; numbers are written as numbers.
 */
export function csvField(value: CellValue, type: ColumnType): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return type === 'euros' ? value.toFixed(2) : String(value);
  const safe = /^[=+@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A table as CSV text, streamed line by line. */
export async function* tableCsv(db: Db, name: OpenDataTableName): AsyncGenerator<string> {
  const { columns } = OPEN_DATA_TABLES[name] as Table;
  let buffer = `\uFEFF${columns.map((c) => c.name).join(',')}\r\n`;
  for await (const row of orderedRows(db, name)) {
    buffer += `${row.map((value, i) => csvField(value, columns[i]!.type)).join(',')}\r\n`;
    if (buffer.length >= 65_536) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer;
}

/** A table as a JSON array of row objects, streamed. */
export async function* tableJson(db: Db, name: OpenDataTableName): AsyncGenerator<string> {
  const { columns } = OPEN_DATA_TABLES[name] as Table;
  let buffer = '[';
  let first = true;
  for await (const row of orderedRows(db, name)) {
    const object = Object.fromEntries(columns.map((c, i) => [c.name, row[i]]));
    buffer += `${first ? '\n' : ',\n'}${JSON.stringify(object)}`;
    first = false;
    if (buffer.length >= 65_536) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}${first ? '' : '\n'}]\n`;
}

/**
 * A table as an XLSX workbook: a header row, euros as numbers with two decimals, booleans as
 * booleans. The workbook is built in memory (the format is a zip), so it is for one collection at
 * a time; the full export streams.
 */
export async function tableXlsx(db: Db, name: OpenDataTableName): Promise<Buffer> {
  const { columns, title } = OPEN_DATA_TABLES[name] as Table;
  const data: SheetData = [columns.map((c) => ({ value: c.name, fontWeight: 'bold' as const }))];
  for await (const row of orderedRows(db, name)) {
    data.push(
      row.map((value, i) => {
        if (value === null) return null;
        if (typeof value === 'number')
          return columns[i]!.type === 'euros' ? { value, type: Number, format: '#,##0.00' } : { value, type: Number };
        if (typeof value === 'boolean') return { value, type: Boolean };
        return { value, type: String };
      }),
    );
  }
  // Loaded on first use: the server starts without it.
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  return writeXlsxFile([
    {
      sheet: title.en.replace(/[’']/g, '').slice(0, 31),
      data,
      columns: columns.map((c) => ({ width: c.type === 'text' ? 30 : 14 })),
      stickyRowsCount: 1,
    },
  ]).toBuffer();
}
