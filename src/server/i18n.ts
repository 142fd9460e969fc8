/** The request's language (Accept-Language: fi, sv or en; Finnish by default) and server messages. */
import type { FastifyRequest } from 'fastify';
import type { Locale } from '../domain/money.js';

export const LOCALES: Locale[] = ['fi', 'sv', 'en'];

export function requestLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'fi';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { language: tag.split('-')[0] ?? '', q: q ? Number(q) : 1, index };
    })
    .filter((entry) => LOCALES.includes(entry.language as Locale) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.language as Locale | undefined) ?? 'fi';
}

type Message = Record<Locale, string>;

export const MESSAGES = {
  badRequest: { fi: 'Virheellinen pyyntö', sv: 'Felaktig begäran', en: 'Bad request' },
  invalidParameters: {
    fi: 'Pyynnön parametreissa on virheitä.',
    sv: 'Begärans parametrar innehåller fel.',
    en: 'The request has invalid parameters.',
  },
  badUrl: {
    fi: 'Osoitteen prosenttikoodaus on virheellinen.',
    sv: 'Adressens procentkodning är felaktig.',
    en: 'The address has a broken percent encoding.',
  },
  unknownParameter: { fi: 'Tuntematon parametri', sv: 'Okänd parameter', en: 'Unknown parameter' },
  notFound: { fi: 'Ei löytynyt', sv: 'Hittades inte', en: 'Not found' },
  resourceNotFound: {
    fi: 'Pyydettyä kohdetta ei ole.',
    sv: 'Det begärda objektet finns inte.',
    en: 'The requested resource does not exist.',
  },
  routeNotFound: {
    fi: 'Osoitteessa ei ole mitään.',
    sv: 'Det finns inget på adressen.',
    en: 'There is nothing at this address.',
  },
  invalidCursor: {
    fi: 'Sivutuskursori ei ole tämän rajapinnan antama.',
    sv: 'Sidmarkören har inte getts av detta gränssnitt.',
    en: 'The cursor was not issued by this API.',
  },
  internalError: { fi: 'Palvelinvirhe', sv: 'Serverfel', en: 'Internal server error' },
  internalErrorDetail: {
    // "Nothing was changed" cannot be promised: the error may come after the change was committed.
    // Retrying is safe all the same: a write carries its version and a repeated one gets 409.
    fi: 'Palvelussa tapahtui virhe. Tarkista tallentuiko muutos ja yritä tarvittaessa myöhemmin uudelleen.',
    sv: 'Ett fel inträffade i tjänsten. Kontrollera om ändringen sparades och försök vid behov igen senare.',
    en: 'Something went wrong in the service. Check whether the change was saved, and try again later if needed.',
  },
  notSignedIn: { fi: 'Kirjautuminen vaaditaan', sv: 'Inloggning krävs', en: 'Sign-in required' },
  notSignedInDetail: {
    fi: 'Kirjaudu sisään. Istunto on voinut vanhentua.',
    sv: 'Logga in. Sessionen kan ha gått ut.',
    en: 'Please sign in. Your session may have expired.',
  },
  invalidCredentials: {
    fi: 'Käyttäjätunnus tai salasana on väärin.',
    sv: 'Fel användarnamn eller lösenord.',
    en: 'The username or password is wrong.',
  },
  forbidden: { fi: 'Ei oikeutta', sv: 'Ingen behörighet', en: 'Not allowed' },
  passwordChangeRequired: {
    fi: 'Olet kirjautunut väliaikaisella salasanalla. Vaihda salasanasi ennen muita muutoksia.',
    sv: 'Du är inloggad med ett tillfälligt lösenord. Byt lösenord före andra ändringar.',
    en: 'You signed in with a temporary password. Change your password before any other change.',
  },
  forbiddenDetail: {
    fi: 'Sinulla ei ole oikeutta tähän tietoon tai toimintoon.',
    sv: 'Du har inte behörighet till denna uppgift eller funktion.',
    en: 'You do not have the right to this record or action.',
  },
  versionRequired: { fi: 'Versio puuttuu', sv: 'Version saknas', en: 'Version required' },
  versionRequiredDetail: {
    fi: 'Muutos on tehtävä tiettyyn versioon: lähetä If-Match-otsake tai version-kenttä.',
    sv: 'Ändringen måste gälla en viss version: skicka If-Match-huvudet eller fältet version.',
    en: 'A change must name the version it is based on: send an If-Match header or a version field.',
  },
  conflict: { fi: 'Tietoa on muutettu', sv: 'Uppgiften har ändrats', en: 'The record has changed' },
  conflictDetail: {
    fi: 'Joku muu muutti tietoa sillä välin. Tarkista nykyinen versio ja tee muutos uudelleen.',
    sv: 'Någon annan ändrade uppgiften under tiden. Kontrollera den aktuella versionen och gör ändringen på nytt.',
    en: 'Someone else changed the record in the meantime. Check the current version and make your change again.',
  },
  tooLarge: { fi: 'Liian suuri', sv: 'För stor', en: 'Too large' },
  taken: { fi: 'Arvo on jo käytössä.', sv: 'Värdet används redan.', en: 'The value is already taken.' },
  takenDetail: {
    fi: 'Toisella tietueella on jo sama tunniste.',
    sv: 'En annan post har redan samma identifierare.',
    en: 'Another record already has the same identifier.',
  },
  ruleViolation: {
    fi: 'Tiedoissa on virheitä. Mitään ei tallennettu.',
    sv: 'Uppgifterna innehåller fel. Ingenting sparades.',
    en: 'The data has errors. Nothing was saved.',
  },
  tooManyAttempts: { fi: 'Liian monta yritystä', sv: 'För många försök', en: 'Too many attempts' },
  tooManyAttemptsDetail: {
    fi: 'Liian monta väärää salasanaa tälle tunnukselle tai tästä osoitteesta.',
    sv: 'För många fel lösenord för detta konto eller från denna adress.',
    en: 'Too many wrong passwords for this account or from this address.',
  },
  csrf: {
    fi: 'Pyynnöstä puuttuu istunnon CSRF-tunniste (X-CSRF-Token).',
    sv: 'Begäran saknar sessionens CSRF-token (X-CSRF-Token).',
    en: 'The request lacks the session CSRF token (X-CSRF-Token).',
  },
  rateLimited: { fi: 'Liian monta pyyntöä', sv: 'För många förfrågningar', en: 'Too many requests' },
  rateLimitedDetail: {
    fi: 'Tästä osoitteesta on tullut liian monta pyyntöä. Yritä uudelleen Retry-After-otsakkeen kertoman ajan kuluttua.',
    sv: 'För många förfrågningar har kommit från den här adressen. Försök igen efter den tid som Retry-After-huvudet anger.',
    en: 'Too many requests have come from this address. Try again after the time given in the Retry-After header.',
  },
  payloadTooLarge: { fi: 'Pyyntö on liian suuri', sv: 'Begäran är för stor', en: 'Request too large' },
  payloadTooLargeDetail: {
    fi: 'Pyynnön sisältö on suurempi kuin tähän osoitteeseen sallitaan. Mitään ei tallennettu.',
    sv: 'Begärans innehåll är större än vad som tillåts för den här adressen. Ingenting sparades.',
    en: 'The request body is larger than this address accepts. Nothing was saved.',
  },
  payloadLimit: { fi: 'enintään {bytes} tavua', sv: 'högst {bytes} byte', en: 'at most {bytes} bytes' },
  documentBusy: {
    fi: 'Asiakirjoja muodostetaan juuri nyt liian monta. Yritä hetken kuluttua uudelleen.',
    sv: 'Just nu skapas för många dokument. Försök igen om en stund.',
    en: 'Too many documents are being produced right now. Please try again in a moment.',
  },
  unavailable: { fi: 'Palvelu ei ole käytettävissä', sv: 'Tjänsten är inte tillgänglig', en: 'Service unavailable' },
  notInUse: {
    fi: 'Ei käytössä tässä palvelussa',
    sv: 'Används inte i den här tjänsten',
    en: 'Not in use in this service',
  },
  unavailableDetail: {
    fi: 'Tietokanta ei ole hetkeen käytettävissä. Yritä hetken kuluttua uudelleen.',
    sv: 'Databasen är tillfälligt otillgänglig. Försök igen om en stund.',
    en: 'The database is briefly unavailable. Please try again in a moment.',
  },
} satisfies Record<string, Message>;
