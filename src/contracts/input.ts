/**
 * Schema builders every input contract shares, so a rule about input is written once: a date is a
 * real calendar date within the sane years, a pagination cursor is one this API could have given
 * out. (No string anywhere may hold U+0000: that is checked for every part of every request in
 * server/plugins/validation.ts, since PostgreSQL cannot store it in text at all.)
 *
 * Refusals carry a message key from INPUT_MESSAGES; the error handler words it in the request's
 * language.
 */
import { z } from 'zod';
import { EARLIEST_YEAR, isCalendarDate, isPartialDate, LATEST_YEAR } from '../domain/calendar-date.js';

type Worded = { fi: string; sv: string; en: string };

export const INPUT_MESSAGES = {
  'input.calendarDate': {
    fi: `Päivämäärän on oltava todellinen päivä muodossa VVVV-KK-PP vuosilta ${EARLIEST_YEAR}–${LATEST_YEAR}.`,
    sv: `Datumet måste vara en verklig dag i formen ÅÅÅÅ-MM-DD under åren ${EARLIEST_YEAR}–${LATEST_YEAR}.`,
    en: `The date must be a real day, written YYYY-MM-DD, in the years ${EARLIEST_YEAR}–${LATEST_YEAR}.`,
  },
  'input.partialDate': {
    fi: `Päivämäärä muodossa VVVV, VVVV-KK tai VVVV-KK-PP, todellinen päivä vuosilta ${EARLIEST_YEAR}–${LATEST_YEAR}.`,
    sv: `Datum i formen ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, en verklig dag under åren ${EARLIEST_YEAR}–${LATEST_YEAR}.`,
    en: `A date written YYYY, YYYY-MM or YYYY-MM-DD, a real day in the years ${EARLIEST_YEAR}–${LATEST_YEAR}.`,
  },
  'input.cursor': {
    fi: 'Sivutuskursori ei ole tämän rajapinnan antama.',
    sv: 'Sidmarkören har inte getts av detta gränssnitt.',
    en: 'The cursor was not issued by this API.',
  },
  'input.searchWords': {
    fi: 'Hakuun tarvitaan vähintään yksi sana tai numero.',
    sv: 'Sökningen behöver minst ett ord eller en siffra.',
    en: 'The search needs at least one word or number.',
  },
  'input.webAddress': {
    fi: 'Osoitteen on oltava verkko-osoite, joka alkaa http:// tai https://.',
    sv: 'Adressen måste vara en webbadress som börjar med http:// eller https://.',
    en: 'The address must be a web address starting with http:// or https://.',
  },
  'input.phone': {
    fi: 'Puhelinnumerossa saa olla numeroita, välilyöntejä, sulkeita ja väliviivoja, alussa +; vähintään viisi merkkiä.',
    sv: 'Telefonnumret får innehålla siffror, mellanslag, parenteser och bindestreck, med + i början; minst fem tecken.',
    en: 'A phone number has digits, spaces, brackets and hyphens, + at the start; at least five characters.',
  },
  'input.nul': {
    fi: 'Teksti ei saa sisältää NUL-merkkiä (U+0000).',
    sv: 'Texten får inte innehålla NUL-tecknet (U+0000).',
    en: 'The text must not contain the NUL character (U+0000).',
  },
} satisfies Record<string, Worded>;

export type InputMessageKey = keyof typeof INPUT_MESSAGES;

export const isInputMessageKey = (message: string): message is InputMessageKey => message in INPUT_MESSAGES;

/** A full date: YYYY-MM-DD, a day that exists, in the sane years (domain/calendar-date.ts). */
export const ZCalendarDate = z
  .string()
  .refine(isCalendarDate, { message: 'input.calendarDate' satisfies InputMessageKey })
  .meta({ format: 'date', description: `A calendar date (YYYY-MM-DD), years ${EARLIEST_YEAR}–${LATEST_YEAR}` });

/** A date of reduced precision ("2021", "2021-10", "2021-10-01"), each part real. */
export const ZPartialDate = z
  .string()
  .refine(isPartialDate, { message: 'input.partialDate' satisfies InputMessageKey })
  .describe(`ISO 8601 date, possibly reduced precision ("2021", "2021-10"), years ${EARLIEST_YEAR}–${LATEST_YEAR}`);

const CURSOR_TEXT_MAX = 500;

/**
 * Cursors are base64url JSON arrays of at most three scalars (the sort, the last item's sort value,
 * its id). Anything else was not given out by this API; checking the shape here means a forged cursor
 * never reaches a query, whatever the repository then reads from it.
 */
export function isWellFormedCursor(cursor: string): boolean {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return false;
  }
  if (!Array.isArray(decoded) || decoded.length < 2 || decoded.length > 3) return false;
  const id = decoded.at(-1);
  if (!Number.isSafeInteger(id) || (id as number) < 1) return false;
  return decoded.every(
    (part) =>
      part === null ||
      (typeof part === 'number' && Number.isSafeInteger(part)) ||
      (typeof part === 'string' && part.length <= CURSOR_TEXT_MAX && !part.includes('\u0000')),
  );
}

export const ZCursor = z
  .string()
  .max(1000)
  .regex(/^[A-Za-z0-9_-]+$/)
  .refine(isWellFormedCursor, { message: 'input.cursor' satisfies InputMessageKey })
  .describe('Opaque cursor from the previous page');
