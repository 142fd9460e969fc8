/**
 * The editing forms take their types from the write API's contracts: a create form names only
 * fields the collection's create input takes, an edit form only fields the record has and its
 * update takes, and both hand over the record as the collection answers it. The lines marked
 * `@ts-expect-error` are the test: `npm run typecheck` fails if one of them stops being an error.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { RecordOf } from '../../src/contracts/records.js';
import type { CreateRecordForm } from '../../src/web/features/editing/create-form.js';
import type { RecordForm } from '../../src/web/features/editing/record-form.js';

type CreateProps<C extends Parameters<typeof CreateRecordForm>[0]['collection']> = Parameters<
  typeof CreateRecordForm<C>
>[0];
type EditProps<C extends Parameters<typeof RecordForm>[0]['collection']> = Parameters<typeof RecordForm<C>>[0];
type CreateFieldName<C extends Parameters<typeof CreateRecordForm>[0]['collection']> =
  CreateProps<C>['fields'][number]['name'];
type EditFieldName<C extends Parameters<typeof RecordForm>[0]['collection']> = EditProps<C>['fields'][number]['name'];

describe('the forms typed by their collection', () => {
  it('lets a new meeting name its date and group, not what only an update sends', () => {
    const date: CreateFieldName<'meetings'> = 'date';
    // @ts-expect-error the attendance is recorded on an existing meeting (the update takes it, the create does not)
    const attendance: CreateFieldName<'meetings'> = 'attendance';
    const fixed: CreateProps<'meetings'>['fixed'] = { steeringGroup: 'lanupe-johtoryhma' };
    // @ts-expect-error a meeting belongs to a steering group, not to a theme
    const wrong: CreateProps<'meetings'>['fixed'] = { theme: 'lanupe' };
    expectTypeOf([date, attendance, fixed, wrong]).not.toBeNever();
  });

  it('hands the created record over as the collection answers it', () => {
    expectTypeOf<Parameters<CreateProps<'meetings'>['onCreated']>[0]>().toEqualTypeOf<RecordOf<'meetings'>>();
    expectTypeOf<Parameters<EditProps<'calls'>['title']>[0]>().toEqualTypeOf<RecordOf<'calls'>>();
  });

  it('lets an edit form name a field the record has and its update takes, or a part of one', () => {
    const budget: EditFieldName<'calls'> = 'budget';
    const swedishName: EditFieldName<'calls'> = 'name.sv';
    // @ts-expect-error a call's key names it in addresses and is not changed by an update
    const key: EditFieldName<'calls'> = 'key';
    // @ts-expect-error no such field
    const typo: EditFieldName<'calls'> = 'budjet';
    expectTypeOf([budget, swedishName, key, typo]).not.toBeNever();
  });
});
