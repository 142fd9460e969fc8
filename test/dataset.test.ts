/**
 * The 2024 dataset against the seed documents it was read from: every amount's text stands in the
 * seed where the record says and parses to the cents we hold; every project code and name is there.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDataset, loadSeedLines } from '../src/db/dataset/check-dataset.js';
import { readDataset } from '../src/db/dataset/read-dataset.js';
import { parseFinnishAmount } from '../src/domain/money.js';

const SEEDS = '../shared/seeds';
const dataset = readDataset('data/2024');

describe('the 2024 dataset', () => {
  it('holds all twelve themes of the 2024 implementation review, in review order', () => {
    expect(dataset.themes.map((theme) => theme.order).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    for (const theme of dataset.themes) {
      expect(
        theme.finance.some((finance) => finance.asOf === '2024-10-31'),
        theme.slug,
      ).toBe(true);
    }
  });

  it('holds the LANUPE steering group and its meeting 2023/1', () => {
    expect(dataset.steeringGroups.map((group) => group.themes)).toContainEqual(['lanupe']);
    expect(dataset.meetings.map((meeting) => meeting.number)).toContain('2023/1');
  });

  it('keeps each amount as one exact value and marks the rounded ones', () => {
    const amounts = dataset.themes
      .flatMap((theme) => theme.finance.flatMap((f) => [f.frame, f.reserved, f.committed, f.paid]))
      .filter((a) => a !== null);
    expect(amounts.length).toBeGreaterThan(30);
    for (const amount of amounts) {
      const parsed = parseFinnishAmount(amount.text, { notYetAsZero: true });
      expect(parsed.ok && parsed.value, amount.text).toEqual({ cents: amount.cents, rounded: amount.rounded });
    }
    expect(amounts.some((amount) => amount.rounded)).toBe(true);
  });

  // The seeds live beside the repository (../shared); a clone without them cannot run this check.
  it.skipIf(!existsSync(SEEDS))('matches the seed text: amounts, codes, names and references', () => {
    const problems = checkDataset(dataset, loadSeedLines(SEEDS));
    expect(problems).toEqual([]);
  });

  it.skipIf(!existsSync(SEEDS))('finds a planted wrong amount or code (the check itself can fail)', () => {
    const seeds = loadSeedLines(SEEDS);
    const broken = structuredClone(dataset);
    const finance = broken.themes[0]!.finance[0]!;
    finance.reserved = { ...finance.reserved!, cents: finance.reserved!.cents + 1 };
    broken.projectEntities[0]!.projects[0]!.code = 'S99999';
    const problems = checkDataset(broken, seeds);
    expect(problems.some((p) => p.includes('reserved'))).toBe(true);
    expect(problems.some((p) => p.includes('S99999'))).toBe(true);
  });

  it.skipIf(!existsSync(SEEDS))(
    'finds planted claims the seed does not make: precision, validity, absence, roles, inferences, status',
    () => {
      const seeds = loadSeedLines(SEEDS);
      const broken = structuredClone(dataset);
      const call = broken.calls.find((c) => c.key === 'lanupe-rahoitushaku-2023')!;
      call.leftOver = { ...call.leftOver!, approximate: false };
      const theme5 = broken.themes.find((t) => t.slug === 'tyoelaman-kehittaminen')!;
      theme5.contacts.find((c) => c.name === 'Tiina Lintunen')!.validTo = '2025-04-30';
      theme5.contacts.find((c) => c.name === 'Henna Kymäläinen')!.absence = 'on_leave';
      const theme3 = broken.themes.find((t) => t.slug === 'maahanmuuttaneiden-toimiva-arki')!;
      theme3.ministryRoles[0]!.quote = 'Teeman vastuuministeriö OKM';
      const r00440 = broken.projectEntities.find((e) => e.groupCode === 'R-00440')!;
      r00440.period.inferred!.end!.quote = 'toimikausi päättyy kesäkuussa';
      const study = broken.projectEntities.find((e) => e.projects.some((p) => p.code === 'S30042'))!;
      study.status = 'granted';
      const problems = checkDataset(broken, seeds);
      for (const expected of [
        'call lanupe-rahoitushaku-2023.leftOver: "noin 3,5 milj.€" is approximate',
        'Tiina Lintunen validTo: "30.4.2025 saakka"',
        'Henna Kymäläinen absence',
        'ministry role TEM',
        'period end (inferred)',
        'its latest status change says ended',
      ])
        expect(
          problems.some((p) => p.includes(expected)),
          `${expected} in ${problems.join('\n')}`,
        ).toBe(true);
    },
  );
});
