/**
 * A theme's key figures as a coordination deck (JSON for the page, PPTX, each chart as SVG and PNG)
 * and every theme's figures side by side with the national ones. Public, like the figures: they are
 * computed from the published project data on every request.
 */
import { z } from 'zod';
import { ZKeyFigureDeck, ZKeyFiguresAcrossThemes, ZProblem } from '../../../contracts/api.js';
import { countyNames, getKeyFigureNames, getNationalFigures, listThemeSlugs } from '../../../db/repositories/themes.js';
import { buildDeck, type Deck, type DeckLanguage } from '../../../documents/key-figures/deck.js';
import { chartSvg } from '../../../documents/key-figures/chart-svg.js';
import type { Db } from '../../../db/database.js';
import { NotFoundError } from '../../../domain/errors.js';
import { requestLocale } from '../../i18n.js';
import type { AppDeps } from '../../app.js';
import { getCurrentThemeFigures } from '../../../db/repositories/stored-figures.js';
import type { TypedApp } from '../../typed-app.js';
import type { FastifyReply, FastifyRequest } from 'fastify';

const tags = ['themes'];
const ZLangQuery = z.object({ lang: z.enum(['fi', 'sv', 'en']).optional() });
const ZChartParams = z.object({
  slug: z.string().max(100),
  file: z.string().regex(/^(entities|implementers|ministries|sectors|organisation-types|counties)\.(svg|png)$/),
});

const languageOf = (request: FastifyRequest, lang: DeckLanguage | undefined): DeckLanguage =>
  lang ?? (requestLocale(request) as DeckLanguage);

async function deckOf(db: Db, slug: string, lang: DeckLanguage, now: Date): Promise<Deck> {
  const [figures, names] = await Promise.all([getCurrentThemeFigures(db, slug, now), getKeyFigureNames(db, slug)]);
  if (!figures || !names) throw new NotFoundError('theme', slug);
  const name =
    (lang === 'sv' ? names.theme.name.sv : lang === 'en' ? names.theme.name.en : null) ?? names.theme.name.fi;
  return buildDeck(figures, { slug, name }, names.counties, lang);
}

const fileName = (deck: Deck, extension: string, part?: string) =>
  `${deck.theme.slug}-${{ fi: 'avainluvut', sv: 'nyckeltal', en: 'key-figures' }[deck.language]}${part ? `-${part}` : ''}-${deck.language}.${extension}`;

/** A file answer (the typed reply knows only the JSON answers). */
const sendFile = (
  reply: FastifyReply,
  file: { type: string; disposition: string; body: Buffer | string; policy?: string },
) => {
  if (file.policy) reply.header('content-security-policy', file.policy);
  return reply
    .type(file.type)
    .header('content-disposition', file.disposition)
    .header('cache-control', 'no-store')
    .send(file.body);
};

export function keyFigureRoutes(app: TypedApp, { db, pdf, clock }: AppDeps): void {
  app.get(
    '/api/v1/themes/:slug/key-figures',
    {
      schema: {
        tags,
        summary: "A theme's key figures as the slides of a coordination deck, worded in the language asked",
        params: z.object({ slug: z.string().max(100) }),
        querystring: ZLangQuery,
        response: { 200: ZKeyFigureDeck, 400: ZProblem, 404: ZProblem },
      },
    },
    async (request) => deckOf(db, request.params.slug, languageOf(request, request.query.lang), clock()),
  );

  app.get(
    '/api/v1/themes/:slug/key-figures.pptx',
    {
      schema: {
        tags,
        summary: "A theme's key figures as a PowerPoint deck (fi or sv; en too), one chart a slide with its numbers",
        params: z.object({ slug: z.string().max(100) }),
        querystring: ZLangQuery,
        response: { 400: ZProblem, 404: ZProblem },
      },
    },
    async (request, reply) => {
      const deck = await deckOf(db, request.params.slug, languageOf(request, request.query.lang), clock());
      // pptxgenjs loads on first use: an idle server should not carry it (docs/performance.md).
      return sendFile(reply, {
        type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        disposition: `attachment; filename="${fileName(deck, 'pptx')}"`,
        body: await (await import('../../../documents/key-figures/render-pptx.js')).renderPptx(deck),
      });
    },
  );

  app.get(
    '/api/v1/themes/:slug/key-figures/charts/:file',
    {
      schema: {
        tags,
        summary: 'One chart of the deck as SVG or PNG (entities.svg, counties.png, …)',
        params: ZChartParams,
        querystring: ZLangQuery,
        response: { 400: ZProblem, 404: ZProblem, 503: ZProblem },
      },
    },
    async (request, reply) => {
      const [key, extension] = request.params.file.split('.') as [string, 'svg' | 'png'];
      const deck = await deckOf(db, request.params.slug, languageOf(request, request.query.lang), clock());
      const slide = deck.slides.find((candidate) => candidate.key === key)!;
      const svg = chartSvg(deck, slide);
      const disposition = `${extension === 'svg' ? 'inline' : 'attachment'}; filename="${fileName(deck, extension, key)}"`;
      if (extension === 'svg') {
        // A picture only: nothing in it may run or load.
        return sendFile(reply, {
          type: 'image/svg+xml; charset=utf-8',
          disposition,
          body: svg,
          policy: "default-src 'none'; style-src 'unsafe-inline'",
        });
      }
      return sendFile(reply, { type: 'image/png', disposition, body: await pdf.renderPng(svg) });
    },
  );

  app.get(
    '/api/v1/key-figures',
    {
      schema: {
        tags,
        summary: "Every theme's key figures side by side, and the national figures (each organisation once)",
        response: { 200: ZKeyFiguresAcrossThemes },
      },
    },
    async () => {
      const themes = await listThemeSlugs(db);
      const [figures, national, counties] = await Promise.all([
        Promise.all(themes.map((theme) => getCurrentThemeFigures(db, theme.slug, clock()))),
        getNationalFigures(db),
        countyNames(db),
      ]);
      return {
        themes: themes.map((theme, index) => ({ ...theme, figures: figures[index]! })),
        national,
        counties,
      };
    },
  );
}
