/** What the dataset loader's pieces share: the actor, the transaction, the keys → ids of what is loaded. */
import type { Transaction } from 'kysely';
import { isNotYet } from '../../domain/money.js';
import type { SeedAmount } from '../../contracts/dataset.js';
import type { Database } from '../schema.js';

export const DATASET_ACTOR = 'dataset:2024';

export type Trx = Transaction<Database>;

/** Ids of loaded records by their dataset key; a reference to an unknown key is a dataset error. */
export class Ids {
  private readonly ids = new Map<string, number>();
  constructor(private readonly kind: string) {}
  set(key: string, id: number | bigint | string): void {
    this.ids.set(key, Number(id));
  }
  has(key: string): boolean {
    return this.ids.has(key);
  }
  find(key: string): number | null {
    return this.ids.get(key) ?? null;
  }
  of(key: string): number {
    const id = this.ids.get(key);
    if (id === undefined) throw new Error(`dataset refers to unknown ${this.kind} "${key}"`);
    return id;
  }
}

/** An amount's columns: cents, rounded, approximate, and the source's words where they are not a plain amount. */
export const amountColumns = (amount: SeedAmount | null) => ({
  cents: amount?.cents ?? null,
  rounded: amount?.rounded ? 1 : 0,
  approximate: amount?.approximate ? 1 : 0,
  // "ei vielä" (0 € so far), "noin 3,5 milj. €".
  asWritten: amount && (isNotYet(amount.text) || amount.approximate) ? amount.text : null,
});

/** Where a record comes from, as stored: "seed 001 lines 540-580". */
export const source = (ref: { seed: string; lines: [number, number] }) =>
  `seed ${ref.seed} lines ${ref.lines[0]}-${ref.lines[1]}`;

/** An inference as stored: the reasoning, then the words it rests on and where they stand. */
export const inferredReason = (inferred: {
  reason: string;
  quote: string;
  source: { seed: string; lines: [number, number] };
}) => `${inferred.reason} (”${inferred.quote}”, ${source(inferred.source)})`;
