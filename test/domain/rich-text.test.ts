/** Section text: only paragraphs, lists and links survive; length counted as the browser counts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countCharacters,
  fromEditorText,
  sanitizeHtml,
  toEditorText,
  toHtml,
} from '../../src/domain/reports/rich-text.js';
import { limitViolations } from '../../src/domain/reports/report.js';
import { REVIEW_TEMPLATE } from '../../src/domain/reports/templates.js';
import { diffWords } from '../../src/domain/reports/text-diff.js';

describe('rich text', () => {
  it('keeps paragraphs, lists and http(s) links and removes everything else', () => {
    const html = toHtml(
      sanitizeHtml(
        '<h1 onclick="x()">Otsikko</h1><p style="color:red">Teksti <b>lihava</b> <a href="javascript:alert(1)">huono</a> <a href="https://rakennerahastot.fi/x">hyvä</a></p>' +
          '<script>alert(1)</script><iframe src="https://evil"></iframe><ul><li>yksi</li><li>kaksi<ul><li>sisempi</li></ul></li></ul><img src=x onerror=alert(1)>',
      ),
    );
    expect(html).toBe(
      '<p>Otsikko</p>\n<p>Teksti lihava huono <a href="https://rakennerahastot.fi/x">hyvä</a></p>\n<ul><li>yksi</li><li>kaksi</li><li>sisempi</li></ul>',
    );
  });

  it('never lets markup through, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '<',
            '>',
            '"',
            "'",
            '/',
            '=',
            'a',
            'p',
            'script',
            'href',
            'img',
            ' ',
            'on',
            '&',
            '#',
            ';',
            'x',
            'li',
            'ul',
          ),
        }),
        (input) => {
          const html = toHtml(sanitizeHtml(input));
          const tags = [...html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]);
          expect(tags.every((tag) => ['p', 'ul', 'ol', 'li', 'a'].includes(tag!))).toBe(true);
          // Text may say anything once escaped ("&lt; onclick=" is harmless words); what must
          // never appear is an event handler or a script address inside a real tag.
          for (const [tag] of html.matchAll(/<[a-z][^>]*>/g)) {
            expect(tag).not.toMatch(/\son\w*=/i);
            expect(tag).toMatch(/^<(p|ul|ol|li)>$|^<a href="https?:\/\/[^"]*">$/);
          }
        },
      ),
    );
  });

  it('counts UTF-16 code units, as a textarea does, with one line break between blocks', () => {
    const blocks = sanitizeHtml('<p>ä😀</p><ul><li>a</li><li>b</li></ul>');
    expect(countCharacters(blocks)).toBe('ä😀\na\nb'.length);
    expect(countCharacters(blocks)).toBe(7);
  });

  it('flags a section one character over its limit and not one at it', () => {
    const at = { sections: { s1: sanitizeHtml(`<p>${'x'.repeat(2000)}</p>`) }, links: [], projectOrder: null };
    const over = { sections: { s1: sanitizeHtml(`<p>${'x'.repeat(2001)}</p>`) }, links: [], projectOrder: null };
    expect(limitViolations(REVIEW_TEMPLATE, at)).toEqual([]);
    expect(limitViolations(REVIEW_TEMPLATE, over).map((v) => [v.field, v.message.en])).toEqual([
      ['sections.s1', 'Section 1 has 2001 characters; at most 2000 are allowed (1 over).'],
    ]);
  });

  it('compares two texts word by word', () => {
    expect(diffWords('Hanke alkoi 2023 ja jatkuu.', 'Hanke alkoi 2024 ja jatkuu.')).toEqual([
      { op: 'equal', text: 'Hanke alkoi ' },
      { op: 'delete', text: '2023' },
      { op: 'insert', text: '2024' },
      { op: 'equal', text: ' ja jatkuu.' },
    ]);
  });

  describe("the editor's textarea form", () => {
    it('shows paragraphs, list items and links on lines of their own, and reads them back', () => {
      const blocks = sanitizeHtml(
        '<p>Teema alkoi 2023. Lisää: <a href="https://rakennerahastot.fi/lanupe">sivu</a></p><ul><li>yksi</li><li>kaksi</li></ul><ol><li>eka</li></ol><p><a href="https://esr.fi/">https://esr.fi/</a></p>',
      );
      const text = toEditorText(blocks);
      expect(text).toBe(
        'Teema alkoi 2023. Lisää: sivu (https://rakennerahastot.fi/lanupe)\n• yksi\n• kaksi\n1. eka\nhttps://esr.fi/',
      );
      const back = sanitizeHtml(toHtml(fromEditorText(text)));
      // Lists and links survive; a link with its own text comes back as the text and the address.
      expect(back.slice(1)).toEqual(blocks.slice(1));
      expect(back[0]).toEqual({
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Teema alkoi 2023. Lisää: sivu (' },
          { type: 'link', href: 'https://rakennerahastot.fi/lanupe', text: 'https://rakennerahastot.fi/lanupe' },
          { type: 'text', text: ')' },
        ],
      });
      expect(toEditorText(back)).toBe(text);
    });

    it('never counts more on the server than the textarea shows, whatever is typed', () => {
      fc.assert(
        fc.property(
          fc.string({
            unit: fc.constantFrom(
              'a',
              'ä',
              '😀',
              ' ',
              '\n',
              '\r',
              '\t',
              '-',
              '• ',
              '1. ',
              '<',
              '&amp;',
              'https://esr.fi/x',
              '.',
              '(',
              ')',
              '\u00a0',
            ),
          }),
          (text) => {
            expect(countCharacters(sanitizeHtml(toHtml(fromEditorText(text))))).toBeLessThanOrEqual(text.length);
          },
        ),
      );
    });

    it('counts plain paragraphs exactly as the textarea does', () => {
      const text = 'Ensimmäinen kappale.\nToinen kappale 😀.';
      expect(countCharacters(sanitizeHtml(toHtml(fromEditorText(text))))).toBe(text.length);
    });
  });
});
