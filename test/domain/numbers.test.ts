/** Counts and numbers typed into forms are read by one unambiguous rule (domain/numbers.ts). */
import { describe, expect, it } from 'vitest';
import { readCountInput, readNumberInput } from '../../src/domain/numbers.js';

describe('readCountInput', () => {
  it.each([
    ['1500', 1500],
    ['1 500', 1500],
    ['1\u00a0500', 1500],
    ['1.500.000', 1_500_000],
    ['1,500,000', 1_500_000],
    ['147', 147],
    ['0', 0],
    ['12,00', 12],
  ])('reads %s as %d', (text, value) => {
    expect(readCountInput(text)).toEqual({ ok: true, value });
  });

  it.each([
    // Finnish "1.5" is one and a half, never 15.
    ['1.5', 'not_whole'],
    ['1,5', 'not_whole'],
    // One and a half thousand or one point five hundred? Refused, not guessed.
    ['1.500', 'ambiguous'],
    ['1,500', 'ambiguous'],
    ['-3', 'negative'],
    ['', 'empty'],
    ['kolme', 'unreadable'],
    ['1.50.0', 'unreadable'],
    ['1 5000', 'unreadable'],
  ])('refuses %s (%s)', (text, reason) => {
    expect(readCountInput(text)).toEqual({ ok: false, reason });
  });
});

describe('readNumberInput', () => {
  it.each([
    ['4,1', 4.1],
    ['4.1', 4.1],
    ['1 500,25', 1500.25],
    ['-2', -2],
    ['-0', 0],
    ['1500', 1500],
  ])('reads %s as %d', (text, value) => {
    expect(readNumberInput(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['1.500', 'ambiguous'],
    ['4,125', 'ambiguous'],
    ['4,1234', 'decimals'],
    ['neljä', 'unreadable'],
  ])('refuses %s (%s)', (text, reason) => {
    expect(readNumberInput(text)).toEqual({ ok: false, reason });
  });
});
