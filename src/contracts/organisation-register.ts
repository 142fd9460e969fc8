/** The organisation register (YTJ) as this API shows it: a look-up, a person's choice, the bulk update. */
import { z } from 'zod';
import { ZLocalizedText } from './api.js';

const ZCoded = z.object({ code: z.string(), name: ZLocalizedText });

export const ZRegisterCompany = z
  .object({
    businessId: z.string(),
    name: z.string().nullable().describe('The current company name'),
    parallelName: z.string().nullable().describe('The current parallel name (often the Swedish one)'),
    companyForm: ZCoded.nullable(),
    suggestedType: z
      .object({ type: z.string(), certain: z.boolean().describe('The company form settles the type') })
      .nullable(),
    municipality: z.string().nullable().describe('Municipality code of the street (else postal) address'),
    businessLine: ZCoded.nullable().describe('Main line of business, TOL 2008'),
    registeredOn: z.string().nullable(),
  })
  .meta({ id: 'RegisterCompany' });

export const ZRegisterStatus = z.object({ enabled: z.boolean(), source: z.string() }).meta({ id: 'RegisterStatus' });

export const ZRegisterQuery = z
  .object({
    businessId: z.string().trim().max(20).optional().describe('A Y-tunnus, 1234567-8'),
    name: z.string().trim().min(2).max(200).optional().describe('A name or part of one'),
  })
  .strict();

export const ZRegisterLookup = z
  .object({
    source: z.string(),
    /** When the register was asked: the date of what it said. */
    at: z.string(),
    companies: z.array(ZRegisterCompany),
  })
  .meta({ id: 'RegisterLookup' });

export const ZRegisterField = z.enum(['name.fi', 'name.sv', 'businessId', 'type', 'municipality']);

export const ZApplyRegisterValues = z
  .object({
    businessId: z.string().trim().max(20),
    fields: z.array(ZRegisterField).min(1).max(5),
    version: z.number().int().min(1).optional(),
  })
  .strict();

export const ZRegisterUpdateReport = z
  .object({
    source: z.string(),
    at: z.string(),
    checked: z.number().int(),
    withoutBusinessId: z.number().int(),
    filled: z.array(z.object({ organisation: z.string(), name: z.string(), field: z.string(), value: z.string() })),
    conflicts: z.array(
      z.object({
        organisation: z.string(),
        name: z.string(),
        field: z.string(),
        stored: z.string().nullable(),
        register: z.string(),
      }),
    ),
    notFound: z.array(z.object({ organisation: z.string(), name: z.string(), businessId: z.string() })),
    changedMeanwhile: z.array(z.string()),
  })
  .meta({ id: 'RegisterUpdateReport' });

export type RegisterCompanyOut = z.infer<typeof ZRegisterCompany>;
export type RegisterLookup = z.infer<typeof ZRegisterLookup>;
export type RegisterStatus = z.infer<typeof ZRegisterStatus>;
export type RegisterUpdateReportOut = z.infer<typeof ZRegisterUpdateReport>;
