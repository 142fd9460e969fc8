/**
 * Deterministic generator of realistic benchmark data (same size and seed → the same rows), loaded
 * through the real migrations into SQLite or PostgreSQL.
 *
 *   npx tsx bench/generate.ts --size finland|programme|eu [--db sqlite|postgres] [--seed 1]
 *
 * The schema comes from `prepareDatabase` (the migrations and the reference data: counties,
 * municipalities, sectors). The rows are then written in multi-row INSERTs inside large transactions:
 * prepared statements on SQLite, ~1000-row statements on PostgreSQL. Rows are generated one project
 * entity at a time and flushed per batch, so even the EU size is never held in memory.
 *
 * The rows obey the model: every entity has 1..n projects with exactly one main implementer (a group
 * project has a main and sub implementers and an R- code), partners differ from implementers,
 * sectors are real sector or service keys, snapshots keep frame ≥ reserved ≥ committed ≥ paid and
 * their frame splits add up to the frame, business IDs carry a correct check digit, municipalities
 * and counties are the real ones.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type SQLite from 'better-sqlite3';
import { SqliteDatabase } from '../src/db/sqlite-module.js';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import { DEFAULT_TOPOLOGY, prepareDatabase } from '../src/db/prepare.js';
import { businessIdCheckDigit } from '../src/domain/business-id.js';
import { SECTORS } from '../src/domain/sectors.js';

export const SIZES = {
  /** For the CI smoke test only. */
  tiny: { themes: 4, projects: 400, organisations: 150, years: 2 },
  /** Finland today. */
  finland: { themes: 12, projects: 5_000, organisations: 1_700, years: 4 },
  /** The whole programme period. */
  programme: { themes: 200, projects: 30_000, organisations: 10_000, years: 7 },
  /** Kohesio's order of magnitude. */
  eu: { themes: 2_000, projects: 1_500_000, organisations: 500_000, years: 10 },
} as const;

export type BenchSize = keyof typeof SIZES;
export const BENCH_SIZES = Object.keys(SIZES) as BenchSize[];

/** Raised whenever the generated rows change, so cached databases are regenerated. */
export const GENERATOR_VERSION = 3;

export type Target = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export type GenerateResult = {
  size: BenchSize;
  seed: number;
  generatorVersion: number;
  rows: Record<string, number>;
  totalRows: number;
  /** Migrations and reference data. */
  schemaMs: number;
  /** Generating and inserting the rows, indexes maintained as they go, and ANALYZE. */
  loadMs: number;
  rowsPerSecond: number;
};

// ---- deterministic randomness ----------------------------------------------------------------

/** sfc32: small, fast and good enough; seeded through splitmix32 so small seeds spread. */
export function createRandom(seed: number) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Random = ReturnType<typeof createRandom>;

// ---- vocabulary ------------------------------------------------------------------------------

const NAME_START = [
  'Nuorten',
  'Osaava',
  'Kestävä',
  'Digitaalinen',
  'Yhdessä',
  'Työllisyyden',
  'Hyvinvoiva',
  'Ohjaamo',
  'Uusi',
  'Vahva',
  'Monikulttuurinen',
  'Osallistava',
  'Joustava',
  'Kotoutumisen',
  'Perheiden',
  'Lähi',
  'Yhteisöllinen',
  'Vihreä',
  'Alueellinen',
  'Avoin',
] as const;
const NAME_MIDDLE = [
  'osaamisen',
  'työelämän',
  'koulutuksen',
  'mielenterveyden',
  'kohtaamisen',
  'ohjauksen',
  'yrittäjyyden',
  'arjen',
  'liikunnan',
  'kielitaidon',
  'oppimisen',
  'palvelujen',
  'hyvinvoinnin',
  'verkoston',
  'vertaistuen',
  'kasvun',
  'taitojen',
  'yhteistyön',
  'nivelvaiheen',
  'tulevaisuuden',
] as const;
const NAME_END = [
  'polku',
  'silta',
  'verkosto',
  'malli',
  'väylä',
  'tuki',
  'foorumi',
  'keskus',
  'kiihdyttämö',
  'paja',
  'askel',
  'ote',
  'voima',
  'tie',
  'sillanrakentaja',
] as const;
const THEME_WORDS = [
  'Lapsiperheiden',
  'Nuorten',
  'Työmarkkinoiden',
  'Osaamisen',
  'Kotoutumisen',
  'Sosiaalisen osallisuuden',
  'Työhyvinvoinnin',
  'Digitaalisten taitojen',
  'Vihreän siirtymän',
  'Yhteisöjen',
  'Jatkuvan oppimisen',
  'Hyvinvoinnin',
  'Maahanmuuton',
  'Yrittäjyyden',
  'Nuorisotyön',
  'Kulttuurin',
] as const;
const THEME_ENDS = [
  'palvelut',
  'kohtaanto',
  'vahvistaminen',
  'tukeminen',
  'kehittäminen',
  'edistäminen',
  'uudistus',
  'verkosto',
] as const;
const ORGANISATION_KINDS = [
  { type: 'municipality', weight: 14, name: (place: string) => `${place}n kaupunki` },
  { type: 'association', weight: 26, name: (place: string, word: string) => `${place}n ${word}yhdistys ry` },
  {
    type: 'foundation',
    weight: 10,
    name: (place: string, word: string) => `${word[0]!.toUpperCase()}${word.slice(1)}säätiö ${place}`,
  },
  { type: 'university_of_applied_sciences', weight: 6, name: (place: string) => `${place}n ammattikorkeakoulu Oy` },
  { type: 'university', weight: 2, name: (place: string) => `${place}n yliopisto` },
  {
    type: 'joint_municipal_authority',
    weight: 6,
    name: (place: string, word: string) => `${place}n seudun ${word}kuntayhtymä`,
  },
  { type: 'wellbeing_services_county', weight: 2, name: (place: string) => `${place}n hyvinvointialue` },
  { type: 'state_agency', weight: 3, name: (place: string) => `${place}n ELY-keskus` },
  { type: 'company', weight: 22, name: (place: string, word: string) => `${place}n ${word}palvelut Oy` },
  { type: 'parish', weight: 3, name: (place: string) => `${place}n seurakunta` },
  { type: 'other', weight: 6, name: (place: string, word: string) => `${place} ${word}verkosto` },
] as const;
const ORGANISATION_WORDS = [
  'nuoriso',
  'liikunta',
  'koulutus',
  'kulttuuri',
  'sosiaali',
  'työllisyys',
  'kehitys',
  'kotoutumis',
  'perhe',
  'mielenterveys',
  'vammais',
  'opisto',
] as const;
const MINISTRIES = ['TEM', 'OKM', 'STM'] as const;
const STATUSES = [
  'granted',
  'granted',
  'running',
  'running',
  'running',
  'ended',
  'ended',
  'applied',
  'negotiation',
] as const;
const ENTITY_TYPES = ['development', 'development', 'development', 'pilot', 'coordination', 'study'] as const;
const CALL_KINDS = ['development', 'coordination', 'idea', 'lump_sum', 'other'] as const;
const SPECIFIC_OBJECTIVES = [
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  '4.5',
  '4.6',
  '4.7',
  '4.8',
  '4.9',
  '4.10',
  '4.11',
  '4.12',
] as const;
const SECTOR_KEYS = SECTORS.flatMap((sector) => [sector.key, ...sector.services.map((service) => service.key)]);

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const iso = (year: number, month: number, day: number) => `${year}-${pad(month, 2)}-${pad(day, 2)}`;
/** A fixed moment for created/updated columns: the data must not depend on when it was generated. */
const STAMP = '2026-01-15T08:00:00.000Z';
const ACTOR = 'bench:generate';

function businessId(random: Random, used: Set<string>): string {
  for (;;) {
    const body = pad(random.int(1_000_000, 3_399_999), 7);
    const check = businessIdCheckDigit(body);
    if (check === null) continue;
    const id = `${body}-${check}`;
    if (used.has(id)) continue;
    used.add(id);
    return id;
  }
}

// ---- the tables and their columns, in insertion order ------------------------------------------

const TABLES = {
  specific_objectives: ['code', 'priority_code', 'name_fi', 'name_sv', 'name_en'],
  themes: [
    'id',
    'slug',
    'review_order',
    'name_fi',
    'name_sv',
    'name_en',
    'short_name',
    'period_start',
    'period_end',
    'period_text',
    'intermediate_body',
    'stated_project_count',
    'source',
    'created_at',
    'updated_at',
    'updated_by',
  ],
  theme_ministries: ['theme_id', 'ministry'],
  theme_specific_objectives: ['theme_id', 'code'],
  personal_data: ['person_id', 'revision', 'name', 'email', 'phone', 'recorded_at'],
  contacts: [
    'id',
    'theme_id',
    'role',
    'name',
    'title',
    'organisation',
    'ministry',
    'email',
    'phone',
    'position',
    'source',
    'person_id',
    'created_at',
    'updated_at',
    'updated_by',
  ],
  content_areas: [
    'id',
    'theme_id',
    'key',
    'name_fi',
    'name_sv',
    'name_en',
    'position',
    'created_at',
    'updated_at',
    'updated_by',
  ],
  theme_links: ['id', 'theme_id', 'url', 'title', 'position', 'created_at', 'updated_at', 'updated_by'],
  finance_snapshots: [
    'id',
    'theme_id',
    'as_of',
    'frame_cents',
    'reserved_cents',
    'committed_cents',
    'paid_cents',
    'note',
    'reason',
    'recorded_at',
    'recorded_by',
    'source',
    'sequence',
  ],
  frame_splits: ['snapshot_id', 'ministry', 'cents', 'rounded'],
  activity_figures: [
    'id',
    'theme_id',
    'key',
    'label_fi',
    'label_sv',
    'label_en',
    'value',
    'unit',
    'period_start',
    'period_end',
    'created_at',
    'updated_at',
    'updated_by',
  ],
  calls: [
    'id',
    'key',
    'theme_id',
    'name_fi',
    'name_sv',
    'kind',
    'opens',
    'closes',
    'budget_cents',
    'applications',
    'application_entities',
    'eligible_entities',
    'funded_entities',
    'granted_cents',
    'left_over_cents',
    'created_at',
    'updated_at',
    'updated_by',
  ],
  call_specific_objectives: ['call_id', 'code'],
  organisations: [
    'id',
    'key',
    'name_fi',
    'name_sv',
    'business_id',
    'type',
    'municipality_code',
    'search_text',
    'source',
    'created_at',
    'updated_at',
    'updated_by',
  ],
  project_entities: [
    'id',
    'key',
    'theme_id',
    'kind',
    'group_code',
    'name_fi',
    'name_sv',
    'type',
    'status',
    'period_start',
    'period_end',
    'cost_estimate_cents',
    'website',
    'call_id',
    'content_area_id',
    'search_text',
    'source',
    'created_at',
    'updated_at',
    'updated_by',
  ],
  project_entity_ministries: ['entity_id', 'ministry'],
  projects: [
    'id',
    'entity_id',
    'code',
    'implementer_id',
    'role',
    'cost_estimate_cents',
    'position',
    'created_at',
    'updated_at',
    'updated_by',
  ],
  project_entity_partners: ['entity_id', 'organisation_id'],
  project_entity_sectors: ['entity_id', 'sector_key'],
} as const;
type Table = keyof typeof TABLES;
type Value = string | number | null;

/** Where rows go: buffered per table, written a batch at a time. */
interface RowSink {
  add(table: Table, row: Value[]): void | Promise<void>;
  /** Commit what is buffered and start a new transaction (bounded transaction size). */
  checkpoint(): Promise<void>;
  finish(): Promise<void>;
}

class SqliteSink implements RowSink {
  private readonly db: SQLite.Database;
  private readonly buffers = new Map<Table, Value[][]>();
  private readonly statements = new Map<string, SQLite.Statement>();
  private pending = 0;

  constructor(path: string) {
    this.db = new SqliteDatabase(path);
    // A benchmark database that is regenerated if a load fails: durability during the load is not needed.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('cache_size = -262144');
    // Like a restore: indexes and triggers (search index upkeep, data_version) come back after the
    // rows, built once instead of row by row. Their definitions are the migrations' own, read back.
    this.deferred = this.db
      .prepare("select type, name, sql from sqlite_master where type in ('index', 'trigger') and sql is not null")
      .all() as { type: string; name: string; sql: string }[];
    for (const item of this.deferred) this.db.exec(`drop ${item.type} ${item.name}`);
    this.db.exec('begin');
  }

  private readonly deferred: { type: string; name: string; sql: string }[];

  private batchSize(table: Table) {
    return Math.min(500, Math.floor(30_000 / TABLES[table].length));
  }

  private statement(table: Table, rows: number) {
    const name = `${table}/${rows}`;
    let statement = this.statements.get(name);
    if (!statement) {
      const columns = TABLES[table];
      const tuple = `(${columns.map(() => '?').join(',')})`;
      statement = this.db.prepare(
        `insert into ${table} (${columns.join(',')}) values ${Array.from({ length: rows }, () => tuple).join(',')}`,
      );
      this.statements.set(name, statement);
    }
    return statement;
  }

  private flush(table: Table) {
    const rows = this.buffers.get(table);
    if (!rows || rows.length === 0) return;
    // Full batches through the multi-row statement, a remainder row by row: one prepared statement
    // per table and size would cost more to prepare than it saves.
    const size = this.batchSize(table);
    let start = 0;
    for (; start + size <= rows.length; start += size)
      this.statement(table, size).run(rows.slice(start, start + size).flat());
    const single = this.statement(table, 1);
    for (; start < rows.length; start++) single.run(rows[start]);
    this.buffers.set(table, []);
  }

  add(table: Table, row: Value[]) {
    let rows = this.buffers.get(table);
    if (!rows) this.buffers.set(table, (rows = []));
    rows.push(row);
    // A full batch writes every table's buffer, parents first, so no row comes before its parent.
    if (rows.length >= this.batchSize(table)) this.flushAll();
    this.pending++;
  }

  private flushAll() {
    // Parents before children: the order of TABLES.
    for (const table of Object.keys(TABLES) as Table[]) this.flush(table);
  }

  async checkpoint() {
    if (this.pending < 200_000) return;
    this.flushAll();
    this.db.exec('commit');
    this.db.exec('begin');
    this.pending = 0;
  }

  async finish() {
    this.flushAll();
    this.db.exec('commit');
    for (const item of this.deferred) this.db.exec(item.sql);
    // External-content FTS5 tables (the projects' search index) are filled from their tables.
    const searchTables = this.db
      .prepare("select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%fts5%'")
      .all() as { name: string }[];
    for (const { name } of searchTables) this.db.exec(`insert into ${name}(${name}) values ('rebuild')`);
    if (this.db.prepare("select 1 from sqlite_master where name = 'data_version'").get())
      this.db.exec('update data_version set version = version + 1');
    this.db.exec('analyze');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}

class PostgresSink implements RowSink {
  private readonly buffers = new Map<Table, Value[][]>();
  private pending = 0;

  private constructor(
    private readonly client: pg.Client,
    private readonly replica: boolean,
  ) {}

  private deferredIndexes: string[] = [];

  static async open(url: string): Promise<PostgresSink> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`set maintenance_work_mem = '256MB'`);
    // Like pg_restore: indexes that back no constraint are built after the rows, once.
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `select indexname as name, indexdef as definition from pg_indexes
        where schemaname = current_schema()
          and indexname not in (select conname from pg_constraint where connamespace = current_schema()::regnamespace)`,
    );
    for (const index of indexes) await client.query(`drop index ${index.name}`);
    // The rows are consistent by construction; like pg_restore --disable-triggers, the load skips the
    // per-row foreign-key triggers when the role may (a superuser), and checks the references once
    // at the end instead.
    let replica = true;
    await client.query('begin');
    try {
      await client.query('set local session_replication_role = replica');
    } catch {
      replica = false;
      await client.query('rollback');
      await client.query('begin');
    }
    const sink = new PostgresSink(client, replica);
    sink.deferredIndexes = indexes.map((index) => index.definition);
    return sink;
  }

  private async flush(table: Table) {
    const rows = this.buffers.get(table);
    if (!rows || rows.length === 0) return;
    this.buffers.set(table, []);
    const columns = TABLES[table];
    const values: Value[] = [];
    const tuples = rows.map((row) => `(${row.map((value) => (values.push(value), `$${values.length}`)).join(',')})`);
    const overriding = (columns as readonly string[]).includes('id') ? ' overriding system value' : '';
    await this.client.query(
      `insert into ${table} (${columns.join(',')})${overriding} values ${tuples.join(',')}`,
      values,
    );
  }

  add(table: Table, row: Value[]) {
    let rows = this.buffers.get(table);
    if (!rows) this.buffers.set(table, (rows = []));
    rows.push(row);
    this.pending++;
    if (rows.length >= Math.min(1000, Math.floor(60_000 / TABLES[table].length))) return this.flushAll();
  }

  private async flushAll() {
    for (const table of Object.keys(TABLES) as Table[]) await this.flush(table);
  }

  async checkpoint() {
    if (this.pending < 200_000) return;
    await this.flushAll();
    await this.client.query('commit');
    await this.client.query('begin');
    if (this.replica) await this.client.query('set local session_replication_role = replica');
    this.pending = 0;
  }

  async finish() {
    await this.flushAll();
    await this.client.query('commit');
    for (const definition of this.deferredIndexes) await this.client.query(definition);
    // The load skipped the triggers, data_version's among them.
    await this.client.query('update data_version set version = version + 1 where id = 1');
    // Identity columns were given explicit ids: move their sequences past them.
    for (const [table, columns] of Object.entries(TABLES)) {
      if (!(columns as readonly string[]).includes('id')) continue;
      await this.client.query(
        `select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`,
      );
    }
    await this.checkReferences();
    await this.client.query('analyze');
    await this.client.end();
  }

  /** The references the skipped triggers would have checked. */
  private async checkReferences() {
    const checks = [
      ['projects', 'entity_id', 'project_entities'],
      ['projects', 'implementer_id', 'organisations'],
      ['project_entity_partners', 'organisation_id', 'organisations'],
      ['project_entity_partners', 'entity_id', 'project_entities'],
      ['project_entity_sectors', 'entity_id', 'project_entities'],
      ['project_entity_ministries', 'entity_id', 'project_entities'],
      ['project_entities', 'theme_id', 'themes'],
      ['project_entities', 'call_id', 'calls'],
      ['frame_splits', 'snapshot_id', 'finance_snapshots'],
    ] as const;
    for (const [table, column, parent] of checks) {
      const { rows } = await this.client.query(
        `select count(*)::int as n from ${table} c where c.${column} is not null and not exists (select 1 from ${parent} p where p.id = c.${column})`,
      );
      if (rows[0].n !== 0) throw new Error(`${rows[0].n} rows of ${table}.${column} refer to no ${parent}`);
    }
  }
}

// ---- progress --------------------------------------------------------------------------------

function progressReporter(label: string, enabled: boolean) {
  const started = performance.now();
  let lastPrint = 0;
  const tty = process.stderr.isTTY;
  return {
    update(done: number, total: number, rows: number, force = false) {
      if (!enabled) return;
      const now = performance.now();
      if (!force && now - lastPrint < (tty ? 250 : 5000)) return;
      lastPrint = now;
      const seconds = (now - started) / 1000;
      const rate = rows / Math.max(seconds, 0.001);
      const eta = done > 0 ? ((total - done) * seconds) / done : 0;
      const line = `[${label}] projects ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${((100 * done) / total).toFixed(1)} %), ${rows.toLocaleString('en')} rows, ${Math.round(rate).toLocaleString('en')} rows/s, ${seconds.toFixed(0)} s, eta ${eta.toFixed(0)} s`;
      process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
    },
    done() {
      if (enabled && tty) process.stderr.write('\n');
    },
  };
}

// ---- the generator ---------------------------------------------------------------------------

type Municipality = { code: string; name: string; countyId: string | null };

/** Writes the rows of one size and seed into a migrated database. */
async function writeRows(
  sink: RowSink,
  size: BenchSize,
  seed: number,
  municipalities: Municipality[],
  report: ReturnType<typeof progressReporter>,
) {
  const spec = SIZES[size];
  const random = createRandom(seed);
  const rows: Record<string, number> = {};
  let total = 0;
  const add = (table: Table, row: Value[]) => {
    rows[table] = (rows[table] ?? 0) + 1;
    total++;
    return sink.add(table, row);
  };
  const places = municipalities.filter((m) => m.countyId !== null);

  for (const code of SPECIFIC_OBJECTIVES)
    await add('specific_objectives', [code, `TL${code.split('.')[0]}`, null, null, null]);

  // Themes with their ministries, objectives, contacts, content areas, links, activity figures.
  type ThemeInfo = { id: number; ministries: (typeof MINISTRIES)[number][]; callIds: number[]; areaIds: number[] };
  const themes: ThemeInfo[] = [];
  let contactId = 0;
  let areaId = 0;
  let linkId = 0;
  let figureId = 0;
  const firstYear = 2027 - spec.years;
  for (let t = 1; t <= spec.themes; t++) {
    const name = `${random.pick(THEME_WORDS)} ${random.pick(THEME_ENDS)} ${t}`;
    const ministries = MINISTRIES.filter(() => random.chance(0.45));
    if (ministries.length === 0) ministries.push(random.pick(MINISTRIES));
    await add('themes', [
      t,
      `teema-${pad(t, 4)}`,
      t,
      name,
      `Tema ${t}`,
      `Theme ${t}`,
      `T${t}`,
      `${firstYear}-01-01`,
      '2029-12-31',
      null,
      random.pick(['Hämeen ELY-keskus', 'Pohjois-Savon ELY-keskus', 'Uudenmaan ELY-keskus']),
      null,
      ACTOR,
      STAMP,
      STAMP,
      ACTOR,
    ]);
    for (const ministry of ministries) await add('theme_ministries', [t, ministry]);
    const objectives = new Set([random.pick(SPECIFIC_OBJECTIVES), random.pick(SPECIFIC_OBJECTIVES)]);
    for (const code of objectives) await add('theme_specific_objectives', [t, code]);
    for (const [position, role] of (['coordination', 'financier'] as const).entries()) {
      const personId = randomUUIDFrom(random);
      const person = `Henkilö ${t}-${position + 1}`;
      const email = `henkilo.${t}.${position + 1}@example.fi`;
      await add('personal_data', [personId, 1, person, email, null, STAMP]);
      await add('contacts', [
        ++contactId,
        t,
        role,
        person,
        role === 'financier' ? 'rahoitusasiantuntija' : 'projektipäällikkö',
        role === 'financier' ? 'ELY-keskus' : null,
        null,
        email,
        null,
        position,
        ACTOR,
        personId,
        STAMP,
        STAMP,
        ACTOR,
      ]);
    }
    const areaIds: number[] = [];
    for (let a = 0; a < 3; a++) {
      await add('content_areas', [
        ++areaId,
        t,
        `alue-${a + 1}`,
        `${random.pick(NAME_MIDDLE)} sisältöalue ${a + 1}`,
        null,
        null,
        a,
        STAMP,
        STAMP,
        ACTOR,
      ]);
      areaIds.push(areaId);
    }
    await add('theme_links', [++linkId, t, `https://example.fi/teemat/${t}`, 'Teeman sivu', 0, STAMP, STAMP, ACTOR]);
    for (const key of ['events', 'participants']) {
      await add('activity_figures', [
        ++figureId,
        t,
        key,
        key === 'events' ? 'Tilaisuuksia' : 'Osallistujia',
        null,
        null,
        random.int(5, 5000),
        key === 'events' ? 'kpl' : 'henkilöä',
        `${firstYear}`,
        '2026',
        STAMP,
        STAMP,
        ACTOR,
      ]);
    }
    themes.push({ id: t, ministries, callIds: [], areaIds });
  }

  // Ten years (or the size's years) of quarterly snapshots: the frame grows with new allocations,
  // the other three follow it, each never above the one before.
  let snapshotId = 0;
  for (const theme of themes) {
    let frame = random.int(2_000, 60_000) * 100_000; // 2–60 M€ in cents
    let reserved = 0;
    let committed = 0;
    let paid = 0;
    let sequence = 0;
    for (let year = firstYear; year < firstYear + spec.years; year++) {
      for (const month of [3, 6, 9, 12]) {
        if (random.chance(0.1)) frame += random.int(1, 50) * 10_000_000;
        reserved = Math.min(frame, reserved + Math.floor((frame - reserved) * random.next() * 0.3));
        committed = Math.min(reserved, committed + Math.floor((reserved - committed) * random.next() * 0.4));
        paid = Math.min(committed, paid + Math.floor((committed - paid) * random.next() * 0.35));
        await add('finance_snapshots', [
          ++snapshotId,
          theme.id,
          iso(year, month, month === 6 || month === 9 ? 30 : 31),
          frame,
          reserved,
          committed,
          paid,
          null,
          `Neljännesvuosiraportti ${year}/${month / 3}`,
          STAMP,
          ACTOR,
          null,
          ++sequence,
        ]);
        let left = frame;
        for (const [index, ministry] of theme.ministries.entries()) {
          const share =
            index === theme.ministries.length - 1 ? left : Math.floor(frame / theme.ministries.length / 100) * 100;
          left -= share;
          await add('frame_splits', [snapshotId, ministry, share, 0]);
        }
      }
    }
  }

  // Calls: a handful per theme, their granted money within their budget.
  let callId = 0;
  for (const theme of themes) {
    const count = random.int(2, 8);
    for (let i = 0; i < count; i++) {
      const year = random.int(firstYear, 2026);
      const budget = random.int(100, 5_000) * 1_000_000;
      const granted = Math.floor(budget * (0.5 + random.next() * 0.5));
      const applications = random.int(5, 120);
      const eligible = random.int(1, applications);
      await add('calls', [
        ++callId,
        `haku-${theme.id}-${i + 1}`,
        theme.id,
        `Hakukierros ${i + 1}: ${random.pick(NAME_MIDDLE)} kehittäminen`,
        null,
        random.pick(CALL_KINDS),
        iso(year, random.int(1, 12), 1),
        iso(year, random.int(1, 12), 28),
        budget,
        applications,
        applications,
        eligible,
        random.int(0, eligible),
        granted,
        budget - granted,
        STAMP,
        STAMP,
        ACTOR,
      ]);
      await add('call_specific_objectives', [callId, random.pick(SPECIFIC_OBJECTIVES)]);
      theme.callIds.push(callId);
    }
  }
  await sink.checkpoint();

  // Organisations, in real municipalities; their names are kept for the projects' search text.
  const organisationNames: string[] = [''];
  const businessIds = new Set<string>();
  const kinds = ORGANISATION_KINDS.flatMap((kind) => Array.from({ length: kind.weight }, () => kind));
  for (let o = 1; o <= spec.organisations; o++) {
    const place = random.pick(places);
    const kind = random.pick(kinds);
    const name = `${kind.name(place.name, random.pick(ORGANISATION_WORDS))} ${o}`;
    const id = kind.type === 'other' && random.chance(0.5) ? null : businessId(random, businessIds);
    organisationNames.push(name);
    await add('organisations', [
      o,
      `org-${pad(o, 6)}`,
      name,
      null,
      id,
      kind.type,
      place.code,
      [name, id].filter(Boolean).join(' ').toLowerCase(),
      ACTOR,
      STAMP,
      STAMP,
      ACTOR,
    ]);
    if (o % 10_000 === 0) await sink.checkpoint();
  }
  await sink.checkpoint();

  // Project entities until the size's number of projects: four in five single, the rest group
  // projects of 2–6 implementers, one of them the main implementer.
  let projectId = 0;
  let entityId = 0;
  let groupCode = 1000;
  while (projectId < spec.projects) {
    entityId++;
    const theme = themes[Math.floor(random.next() * themes.length)]!;
    const group = random.chance(0.2) && spec.projects - projectId >= 2;
    const members = group ? Math.min(random.int(2, 6), spec.projects - projectId) : 1;
    const key = `hanke-${pad(entityId, 7)}`;
    const name = `${random.pick(NAME_START)} ${random.pick(NAME_MIDDLE)} ${random.pick(NAME_END)} ${entityId}`;
    const start = random.int(firstYear, 2026);
    const end = start + random.int(1, 3);
    const code = group ? `R-${pad(++groupCode, 5)}` : null;
    const implementers = new Set<number>();
    while (implementers.size < members) implementers.add(random.int(1, spec.organisations));
    const memberCodes: string[] = [];
    const memberCosts: number[] = [];
    for (let m = 0; m < members; m++) {
      memberCodes.push(`S${pad(30_000 + projectId + m + 1, 7)}`);
      memberCosts.push(random.int(50, 3_000) * 100_000);
    }
    const implementerIds = [...implementers];
    const searchText = [name, code, ...implementerIds.flatMap((org, m) => [memberCodes[m], organisationNames[org]])]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    const cost = memberCosts.reduce((sum, c) => sum + c, 0);
    await add('project_entities', [
      entityId,
      key,
      theme.id,
      group ? 'group' : 'single',
      code,
      name,
      null,
      random.pick(ENTITY_TYPES),
      random.pick(STATUSES),
      `${start}-${pad(random.int(1, 12), 2)}-01`,
      `${end}-${pad(random.int(1, 12), 2)}-28`,
      cost,
      random.chance(0.5) ? `https://example.fi/hankkeet/${entityId}` : null,
      random.chance(0.8) ? random.pick(theme.callIds) : null,
      random.chance(0.6) ? random.pick(theme.areaIds) : null,
      searchText,
      ACTOR,
      STAMP,
      STAMP,
      ACTOR,
    ]);
    const ministries = theme.ministries.filter(() => random.chance(0.7));
    for (const ministry of ministries.length > 0 ? ministries : theme.ministries.slice(0, 1))
      await add('project_entity_ministries', [entityId, ministry]);
    for (let m = 0; m < members; m++) {
      await add('projects', [
        ++projectId,
        entityId,
        memberCodes[m]!,
        implementerIds[m]!,
        m === 0 ? 'main' : 'sub',
        memberCosts[m]!,
        m,
        STAMP,
        STAMP,
        ACTOR,
      ]);
    }
    const partners = new Set<number>();
    const partnerCount = random.chance(0.5) ? random.int(1, 3) : 0;
    for (let p = 0; p < partnerCount; p++) {
      const org = random.int(1, spec.organisations);
      if (!implementers.has(org)) partners.add(org);
    }
    for (const org of partners) await add('project_entity_partners', [entityId, org]);
    const sectors = new Set([random.pick(SECTOR_KEYS), random.pick(SECTOR_KEYS)].slice(0, random.int(1, 2)));
    for (const sector of sectors) await add('project_entity_sectors', [entityId, sector]);
    if (entityId % 1000 === 0) {
      await sink.checkpoint();
      report.update(projectId, spec.projects, total);
    }
  }
  report.update(projectId, spec.projects, total, true);
  return { rows, total };
}

/** A UUID from the seeded generator, so contacts' pseudonyms are the same on every run. */
function randomUUIDFrom(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Migrates an EMPTY database (a new SQLite file, or an empty PostgreSQL schema named in the URL's
 * search_path) and fills it with the rows of `size` and `seed`.
 */
export async function generateBenchData(options: {
  size: BenchSize;
  seed: number;
  target: Target;
  progress?: boolean;
}): Promise<GenerateResult> {
  const { size, seed, target } = options;
  const schemaStarted = performance.now();
  const handle = openDatabase(
    target.kind === 'sqlite' ? { kind: 'sqlite', path: target.path } : { kind: 'postgres', url: target.url },
  );
  let municipalities: Municipality[];
  try {
    await prepareDatabase(handle, { topologyPath: DEFAULT_TOPOLOGY });
    const existing = await handle.db
      .selectFrom('themes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(existing.n) !== 0) throw new Error('the benchmark database is not empty');
    municipalities = (
      await handle.db.selectFrom('municipalities').select(['code', 'name_fi', 'county_id']).orderBy('code').execute()
    ).map((m) => ({
      code: m.code,
      name: m.name_fi,
      countyId: m.county_id,
    }));
  } finally {
    await handle.close();
  }
  const schemaMs = performance.now() - schemaStarted;

  const loadStarted = performance.now();
  const sink = target.kind === 'sqlite' ? new SqliteSink(target.path) : await PostgresSink.open(target.url);
  const report = progressReporter(`generate ${size}/${target.kind}`, options.progress ?? true);
  const { rows, total } = await writeRows(sink, size, seed, municipalities, report);
  await sink.finish();
  report.done();
  const loadMs = performance.now() - loadStarted;
  return {
    size,
    seed,
    generatorVersion: GENERATOR_VERSION,
    rows,
    totalRows: total,
    schemaMs,
    loadMs,
    rowsPerSecond: Math.round(total / (loadMs / 1000)),
  };
}

// ---- command line: npx tsx bench/generate.ts --size finland --db sqlite [--seed 1] [--regenerate]

function argument(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(args: string[]): Promise<number> {
  const size = (argument(args, 'size') ?? 'finland') as BenchSize;
  const dialect = argument(args, 'db') ?? 'sqlite';
  if (!(size in SIZES) || (dialect !== 'sqlite' && dialect !== 'postgres')) {
    console.error(
      'Usage: npx tsx bench/generate.ts --size tiny|finland|programme|eu [--db sqlite|postgres] [--seed N] [--regenerate]',
    );
    return 2;
  }
  // Imported here, not at the top: databases.ts imports this module.
  const { benchDatabase } = await import('./databases.js');
  const database = await benchDatabase({
    size,
    seed: Number(argument(args, 'seed') ?? 1),
    dialect,
    postgresUrl: argument(args, 'postgres-url'),
    regenerate: args.includes('--regenerate'),
  });
  console.log(
    JSON.stringify(
      {
        ...database.generated,
        fresh: database.fresh,
        target: database.target.kind === 'sqlite' ? database.target.path : 'postgres',
      },
      null,
      2,
    ),
  );
  return 0;
}

// No top-level await: it would deadlock the import cycle with databases.ts.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
