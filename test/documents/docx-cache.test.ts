/**
 * The cache of finished DOCX files (documents/review/docx-cache.ts): the same review model gives the
 * file made before without laying it out again, however many ask at once; a model that differs in
 * anything the document shows (here its subtitle) makes a new file. The model is compiled from a
 * real database with the 2024 data and a period of descriptions created through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocxCache, modelKey } from '../../src/documents/review/docx-cache.js';
import { renderReviewDocx } from '../../src/documents/review/review-docx.js';
import { compileReview, type ReviewModel } from '../../src/documents/review/review-model.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, signedInAs } from '../helpers/sessions.js';

describe('the DOCX cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const admin = await signedInAs(t.app, t.database.db, 'hallinto', [{ role: 'admin' }]);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporting-periods',
      headers: as(admin),
      payload: { key: 'kuvaukset', kind: 'description', title: { fi: 'Teemakuvaukset' }, themes: ['lanupe'] },
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  it('makes a file once per model, shares a making under way, and makes anew when the model differs', async () => {
    let made = 0;
    const render = async (model: ReviewModel) => {
      made++;
      return renderReviewDocx(model);
    };
    const cache = createDocxCache();
    const model = await compileReview(t.database.db, 'kuvaukset');
    // Nothing approved yet: the cover, the contents and the theme named as not approved.
    expect(model.missing).toHaveLength(1);
    const [a, b] = await Promise.all([cache.get(model, render), cache.get(model, render)]);
    expect(made).toBe(1);
    expect(a.equals(b)).toBe(true);
    const again = await cache.get(await compileReview(t.database.db, 'kuvaukset'), render);
    expect(made).toBe(1);
    expect(again.equals(a)).toBe(true);

    const changed: ReviewModel = { ...model, subtitle: `${model.subtitle} (korjattu)` };
    expect(modelKey(changed)).not.toBe(modelKey(model));
    const other = await cache.get(changed, render);
    expect(made).toBe(2);
    expect(other.equals(a)).toBe(false);
    expect(cache.stats()).toMatchObject({ renderings: 2, hits: 2 });
  });
});
