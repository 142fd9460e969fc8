/**
 * Reading a theme description (seed 002, the LANUPE theme, when ../shared/seeds is present): its
 * header field by field against the dataset (names in three languages, the frame and its split by
 * ministry) and the seed, its eight sections, and what is wrong in it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/db/dataset/read-dataset.js';
import { isDescriptionText, parseDescriptionText } from '../../src/domain/reports/description-import.js';
import { plainText } from '../../src/domain/reports/rich-text.js';
import { CLEAN_REVIEW } from '../fixtures/review-corpus/defects.js';

const SEED = '../shared/seeds/002_1332c69b5b31281e.txt';
const seedPresent = existsSync(SEED);
if (!seedPresent) console.warn(`${SEED} is absent: the theme description import is not tested on it.`);
const lanupe = readDataset('data/2024').themes.find((theme) => theme.slug === 'lanupe')!;

describe.skipIf(!seedPresent)('importing the LANUPE theme description (seed 002)', () => {
  const text = seedPresent ? readFileSync(SEED, 'utf8') : '';
  const parsed = parseDescriptionText(text);
  const theme = parsed.themes[0]!;
  const description = theme.description!;

  it('is recognised as a description, and a review is not', () => {
    expect(isDescriptionText(text)).toBe(true);
    expect(isDescriptionText(CLEAN_REVIEW)).toBe(false);
    expect(parsed.kind).toBe('description');
    expect(parsed.themes).toHaveLength(1);
  });

  it('reads the header field by field', () => {
    expect(description.names).toEqual(lanupe.name);
    expect(theme.name).toBe(lanupe.name.fi);
    expect(description.specificObjective).toEqual({ code: '4.1.7', name: 'Yhdenvertaiseen osallisuuteen' });
    expect(description.intermediateBodyContact).toBe('[Nimi, sähköpostiosoite, puh.nro]');
    expect(description.coordinationContact).toBe('[Nimi, sähköpostiosoite, puh.nro]');
    expect(description.ministryContact).toMatch(
      /^STM: Sosiaali- ja terveysministeriö: Elina Palola, elina\.palola@stm\.fi/,
    );
    expect(description.ministryContact).toContain('Iina Berden iina.berden@gov.fi +358 295 330 069');
    expect(description.period).toBe(lanupe.period.text);
    const finance = lanupe.finance.at(-1)!;
    expect(description.frameEstimate).toMatchObject({ text: '13 M€+10 M€', cents: finance.frame!.cents, line: 33 });
    expect(theme.frameByMinistry.map(({ ministry, cents }) => ({ ministry, cents }))).toEqual(
      finance.frameByMinistry!.map((split) => ({ ministry: split.ministry, cents: split.amount.cents })),
    );
  });

  it('reads the eight sections, with the sub-themes of section 4 as a list', () => {
    expect(theme.sections.map((s) => s.key)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8']);
    const d1 = plainText(theme.sections[0]!.blocks);
    expect(
      d1.startsWith(
        'Toiminnan viitekehyksen muodostavat Euroopan komission toukokuussa 2020 antamat maakohtaiset suositukset',
      ),
    ).toBe(true);
    // Layout hyphens go, Finnish ones stay.
    expect(d1).not.toContain('suosi-tukset');
    expect(plainText(theme.sections[3]!.blocks)).toContain('tasa-arvoisia');
    const list = theme.sections[3]!.blocks.find((b) => b.type === 'list');
    const items = list?.type === 'list' ? list.items.map((item) => item.map((i) => i.text).join('')) : [];
    // The content areas the dataset holds are items of that list.
    for (const area of lanupe.contentAreas) expect(items.map((i) => i.replace(/[\s.]+$/, ''))).toContain(area.name.fi);
    expect(plainText(theme.sections[7]!.blocks)).toMatch(
      /^Viestintä on valtakunnallisessa teemahankkeessa keskeisessä roolissa/,
    );
  });

  it('reports the placeholders left in and the frame written as a sum', () => {
    const codes = theme.findings.map((f) => `${f.code}@${f.line}`);
    expect(codes).toEqual(expect.arrayContaining(['placeholder@17', 'placeholder@19', 'amount_sum_text@33']));
    expect(theme.findings.some((f) => f.code === 'section_missing' || f.code === 'field_missing')).toBe(false);
  });
});
