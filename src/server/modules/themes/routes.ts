/** Public read routes for themes: list, detail with the history of the figures, key figures. */
import { z } from 'zod';
import {
  ZOverview,
  ZOverviewQuery,
  ZProblem,
  ZSlugParams,
  ZThemeDetail,
  ZThemeFigures,
  ZThemeFiguresQuery,
  ZThemeQuery,
  ZThemeSummary,
} from '../../../contracts/api.js';
import { getOverview, getTheme, getThemeFigures, listThemes } from '../../../db/repositories/themes.js';
import { getCurrentThemeFigures } from '../../../db/repositories/stored-figures.js';
import { NotFoundError } from '../../../domain/errors.js';
import { requestLocale } from '../../i18n.js';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';

export function themeRoutes(app: TypedApp, { db, clock }: AppDeps): void {
  app.get(
    '/api/v1/themes',
    {
      config: { publicCache: { scopes: () => ['overview'] } },
      schema: {
        tags: ['themes'],
        summary: 'All national themes with their latest four figures',
        querystring: ZThemeQuery,
        response: { 200: z.object({ items: z.array(ZThemeSummary) }), 400: ZProblem },
      },
    },
    async (request) => {
      const query = request.query;
      return { items: await listThemes(db, query, { locale: requestLocale(request) }) };
    },
  );

  app.get(
    '/api/v1/overview',
    {
      config: { publicCache: { scopes: () => ['overview'] } },
      schema: {
        tags: ['themes'],
        summary: 'The overview page: a page of themes with what the list shows, and the national totals',
        querystring: ZOverviewQuery,
        response: { 200: ZOverview, 400: ZProblem },
      },
    },
    async (request) => getOverview(db, request.query, { locale: requestLocale(request) }),
  );

  app.get(
    '/api/v1/themes/:slug',
    {
      config: { publicCache: { scopes: ({ slug }) => [`theme:${slug}`] } },
      schema: {
        tags: ['themes'],
        summary: 'One theme: contacts, content areas, links, and every snapshot of its figures',
        params: ZSlugParams,
        response: { 200: ZThemeDetail, 404: ZProblem },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const theme = await getTheme(db, slug, { locale: requestLocale(request) });
      if (!theme) throw new NotFoundError('theme', slug);
      return theme;
    },
  );

  app.get(
    '/api/v1/themes/:slug/figures',
    {
      // The theme's row (it may be archived), what the figures count (migration 0017), and the
      // reference data: counties' names and the organisations' counties.
      config: { publicCache: { scopes: ({ slug }) => [`theme:${slug}`, `figures:${slug}`, 'national'] } },
      schema: {
        tags: ['themes'],
        summary: "A theme's key figures, computed from its projects (stored until they change)",
        params: ZSlugParams,
        querystring: ZThemeFiguresQuery,
        response: { 200: ZThemeFigures, 400: ZProblem, 404: ZProblem },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const asOf = request.query.asOf;
      // As of today, from the store of computed figures while nothing they count has changed.
      const figures = asOf ? await getThemeFigures(db, slug, asOf) : await getCurrentThemeFigures(db, slug, clock());
      if (!figures) throw new NotFoundError('theme', slug);
      return figures;
    },
  );
}
