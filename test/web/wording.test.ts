/**
 * Wording people read (issue 21): the design system puts "optional" in parentheses itself, so the
 * text has none ("((vapaaehtoinen))" was shown); the Swedish service names the ministries by their
 * official Swedish names, marks Finnish text "(på finska)", and has no Finnish sentence on the
 * about page; a failed read offers a retry in each language; provenance is worded as documents.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };
const read = (language: string, namespace: string) =>
  JSON.parse(readFileSync(`src/web/locales/${language}/${namespace}.json`, 'utf8')) as Tree;
const at = (tree: Tree, path: string): string => {
  const value = path.split('.').reduce<string | Tree>((node, key) => (node as Tree)[key]!, tree);
  if (typeof value !== 'string') throw new Error(`${path} is not a text`);
  return value;
};

describe('wording', () => {
  it.each(['fi', 'sv', 'en'])('%s: "optional" without its own parentheses', (language) => {
    const optional = at(read(language, 'editing'), 'optional');
    expect(optional).not.toMatch(/[()]/);
  });

  it('names the ministries by their official Swedish names', () => {
    const sv = read('sv', 'common');
    expect(at(sv, 'ministry.TEM')).toBe('Arbets- och näringsministeriet');
    expect(at(sv, 'ministry.OKM')).toBe('Undervisnings- och kulturministeriet');
    expect(at(sv, 'ministry.STM')).toBe('Social- och hälsovårdsministeriet');
  });

  it('marks Finnish text on Swedish and English pages', () => {
    expect(at(read('sv', 'common'), 'inFinnish')).toBe('(på finska)');
    expect(at(read('en', 'common'), 'inFinnish')).toBe('(in Finnish)');
  });

  it('has no Finnish on the Swedish about page', () => {
    const about = JSON.stringify(read('sv', 'about'));
    for (const finnish of ['Aluerajat', 'Tilastokeskus', 'Tiedot', 'avointa dataa'])
      expect(about).not.toContain(finnish);
    expect(at(read('sv', 'about'), 'data.map')).toContain('Statistikcentralen');
  });

  it.each(['fi', 'sv', 'en'])('%s: a failed read has its reasons and a retry; sources are documents', (language) => {
    const common = read(language, 'common');
    for (const key of ['error.network', 'error.server', 'error.retry', 'sourceDocument.review2024', 'sourceChapter'])
      expect(at(common, key).trim()).not.toBe('');
    expect(at(common, 'sourceChapter')).toMatch(/\{\{document\}\}.*\{\{theme\}\}/);
    expect(JSON.stringify(common)).not.toMatch(/Failed to fetch|seed \d/);
  });
});
