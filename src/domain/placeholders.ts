/**
 * Template placeholders left in a text: "N.N." for a person not yet named, "XX.XX." for a date not
 * yet set, "[Nimi, sähköpostiosoite, puh.nro]" and other bracketed instructions, "???" and
 * "täydennetään" (to be filled in). One list, used by the import checks of reviews and descriptions
 * (reports/review-import.ts) and by the minutes' check before publication (meetings.ts).
 */

export type Placeholder = { pattern: RegExp; what: string };

export const PLACEHOLDERS: readonly Placeholder[] = [
  { pattern: /verkkosivu\.fi/i, what: 'www.verkkosivu.fi' },
  { pattern: /sähköposti@osoite\.fi/i, what: 'sähköposti@osoite.fi' },
  { pattern: /etunimi\.sukunimi@/i, what: 'etunimi.sukunimi@…' },
  { pattern: /\[(?:Nimi|nimi|sähköpostiosoite|puh\.?\s*nro)[^\]]*\]/, what: '[Nimi, sähköpostiosoite, puh.nro]' },
  // A date not yet set: "XX.XX.", "xx.xx.2023" (before the XXX rule, which would name it "XXX").
  { pattern: /(?<![\wÅÄÖåäö])[Xx]{1,2}\.[Xx]{1,2}\.(?:\d{2,4}|[Xx]{2,4})?/, what: 'XX.XX.' },
  { pattern: /\bX{3,}\b|\bxxx+\b/, what: 'XXX' },
  { pattern: /(?<![\wÅÄÖåäö])N\.\s?N\.(?!\w)/, what: 'N.N.' },
  { pattern: /\?{3,}/, what: '???' },
  { pattern: /\btäydennetään\b|\bkompletteras\b/i, what: 'täydennetään' },
  // An empty pair of brackets: a blank of the template ("[ ]", "[  ]").
  { pattern: /\[\s*\]/, what: '[ ]' },
  // Any other bracketed instruction of the template ("[Hankkeen nimi]", "[lisää tähän]").
  {
    pattern: /\[(?![^\]]*(?:verkkosivu|osoite\.fi|Nimi|nimi|sähköpostiosoite|puh))[^\]\d]*[a-zåäö]{3}[^\]\d]*\](?!\()/i,
    what: '[…]',
  },
];

/**
 * The placeholders in one line of text, each named once: the catch-all for bracketed instructions
 * only where no named placeholder was found, and "XXX" not again inside a date placeholder.
 */
export function findPlaceholders(text: string): string[] {
  const found: string[] = [];
  for (const placeholder of PLACEHOLDERS) {
    const match = placeholder.pattern.exec(text);
    if (!match) continue;
    if (placeholder.what === '[…]' && found.length > 0) continue;
    if (placeholder.what === 'XXX' && found.includes('XX.XX.')) continue;
    found.push(placeholder.what === '[…]' ? match[0] : placeholder.what);
  }
  return found;
}

/** True when the text is nothing but a placeholder (a header field the template left unfilled). */
export function onlyPlaceholder(text: string): boolean {
  let rest = text;
  for (const placeholder of PLACEHOLDERS) rest = rest.replace(new RegExp(placeholder.pattern.source, 'gi'), '');
  return text.trim() !== '' && rest.replace(/[\s,;.:–-]/g, '') === '';
}
