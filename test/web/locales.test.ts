/**
 * Every translation exists in all three languages: the same files, the same keys (plural forms
 * included), no empty texts, and every key the web application's code names exists in each.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = 'src/web/locales';
const LANGUAGES = ['fi', 'sv', 'en'] as const;
const NAMESPACES = [
  'common',
  'overview',
  'themes',
  'projects',
  'organisations',
  'calls',
  'about',
  'accessibility',
  'editing',
  'meetings',
  'reports',
  'users',
  'tasks',
  'admin',
  'records',
  'keyFigures',
  'search',
];

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') keys.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) keys.set(inner, text);
  }
  return keys;
}

const read = (language: string, namespace: string) =>
  flatten(JSON.parse(readFileSync(join(LOCALES, language, `${namespace}.json`), 'utf8')) as Tree);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Keys written in the code as 'namespace:key' string literals (t calls and the label tables). */
function usedKeys(): Set<string> {
  const pattern = new RegExp(`['"\`]((?:${NAMESPACES.join('|')}):[A-Za-z0-9_.-]+)['"\`]`, 'g');
  const keys = new Set<string>();
  for (const file of sourceFiles('src/web')) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) keys.add(match[1]!);
  }
  return keys;
}

describe('translations', () => {
  it('has one file per namespace in each language, and no others', () => {
    for (const language of LANGUAGES) {
      expect(readdirSync(join(LOCALES, language)).sort()).toEqual(NAMESPACES.map((n) => `${n}.json`).sort());
    }
  });

  it.each(NAMESPACES)('%s has the same keys in fi, sv and en, none empty', (namespace) => {
    const [fi, sv, en] = LANGUAGES.map((language) => read(language, namespace)) as [
      Map<string, string>,
      Map<string, string>,
      Map<string, string>,
    ];
    expect([...sv.keys()].sort()).toEqual([...fi.keys()].sort());
    expect([...en.keys()].sort()).toEqual([...fi.keys()].sort());
    for (const keys of [fi, sv, en]) {
      for (const [key, text] of keys) expect(text.trim(), `${namespace}:${key}`).not.toBe('');
    }
  });

  it('has every key the code uses, in every language', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(200);
    for (const language of LANGUAGES) {
      const all = new Map(NAMESPACES.map((namespace) => [namespace, read(language, namespace)]));
      const missing = [...used].filter((full) => {
        const [namespace, key] = full.split(':') as [string, string];
        const keys = all.get(namespace)!;
        // A key used with a count resolves to its plural forms.
        return !keys.has(key) && !(keys.has(`${key}_one`) && keys.has(`${key}_other`));
      });
      expect(missing, language).toEqual([]);
    }
  });
});
