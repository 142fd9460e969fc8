/**
 * Asks the organisation register (the YTJ open-data API v3 of the Finnish Patent and Registration
 * Office, `GET {REGISTER_URL}/companies?businessId=…` or `?name=…`) and reads its answer into the
 * domain's shape. Off unless REGISTER_URL is set; every request is bounded by
 * REGISTER_TIMEOUT_SECONDS, body included. A failure is an UpstreamError that says what happened;
 * the callers ask before they write, so a failed look-up changes nothing.
 */
import { z } from 'zod';
import type { RegisterConfig } from '../../../config/env.js';
import { UpstreamError } from '../../../domain/errors.js';
import {
  REGISTER_FAILURES,
  registerCompanyOf,
  type RegisterCompany,
  type RegisterFailure,
  type YtjCompany,
} from '../../../domain/organisation-register.js';

const ZDescription = z.object({ languageCode: z.coerce.string(), description: z.string().nullish() });
const ZYtjCompany = z.object({
  businessId: z.object({ value: z.string() }),
  names: z.array(z.object({ name: z.string(), type: z.coerce.string(), endDate: z.string().nullish() })).optional(),
  companyForms: z
    .array(
      z.object({
        type: z.coerce.string(),
        descriptions: z.array(ZDescription).optional(),
        endDate: z.string().nullish(),
      }),
    )
    .optional(),
  mainBusinessLine: z.object({ type: z.coerce.string(), descriptions: z.array(ZDescription).optional() }).nullish(),
  addresses: z
    .array(
      z.object({
        type: z.coerce.number(),
        endDate: z.string().nullish(),
        postOffices: z
          .array(
            z.object({
              city: z.string(),
              languageCode: z.coerce.string(),
              municipalityCode: z.coerce.string().nullish(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
  registrationDate: z.string().nullish(),
});
const ZYtjAnswer = z.object({ totalResults: z.number().optional(), companies: z.array(ZYtjCompany).default([]) });

/** At most this many companies of a name search are shown. */
export const NAME_SEARCH_LIMIT = 20;

const fail = (kind: RegisterFailure): never => {
  throw new UpstreamError(kind, REGISTER_FAILURES[kind]);
};

export type RegisterQuery = { businessId: string } | { name: string };

/** The companies the register answers for a query; an empty list when it knows none. */
export async function askRegister(config: RegisterConfig | null, query: RegisterQuery): Promise<RegisterCompany[]> {
  if (!config) return fail('off');
  const url = new URL(`${config.baseUrl.replace(/\/+$/, '')}/companies`);
  if ('businessId' in query) url.searchParams.set('businessId', query.businessId);
  else url.searchParams.set('name', query.name);
  let body: unknown;
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    // The register answers a Y-tunnus it does not know with 404 (or with no companies).
    if (response.status === 404) {
      await response.body?.cancel();
      return [];
    }
    if (!response.ok) {
      await response.body?.cancel();
      return fail('unavailable');
    }
    body = await response.json();
  } catch (error) {
    if (error instanceof UpstreamError) throw error;
    // AbortSignal.timeout rejects with a DOMException named TimeoutError, while waiting or reading.
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') return fail('timeout');
    if (error instanceof SyntaxError) return fail('invalid_answer');
    return fail('unavailable');
  }
  const parsed = ZYtjAnswer.safeParse(body);
  if (!parsed.success) return fail('invalid_answer');
  const companies = parsed.data.companies.map((company) => registerCompanyOf(company as YtjCompany));
  return 'businessId' in query
    ? companies.filter((company) => company.businessId === query.businessId)
    : companies.slice(0, NAME_SEARCH_LIMIT);
}
