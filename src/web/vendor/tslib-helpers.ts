/**
 * The five TypeScript emit helpers suomifi-ui-components' ES build imports from "tslib". The package
 * lists tslib only as a development dependency, so it is not installed with it; vite.config.ts points
 * "tslib" here. (Adding tslib to our dependencies would do the same; this keeps the install as it is.)
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

export const __assign: (target: any, ...sources: any[]) => any = Object.assign;

export function __rest(source: any, exclude: string[]): any {
  const result: any = {};
  for (const key in source) {
    if (Object.prototype.hasOwnProperty.call(source, key) && !exclude.includes(key)) result[key] = source[key];
  }
  if (source != null && typeof Object.getOwnPropertySymbols === 'function') {
    for (const symbol of Object.getOwnPropertySymbols(source)) {
      if (!exclude.includes(symbol as unknown as string) && Object.prototype.propertyIsEnumerable.call(source, symbol)) result[symbol] = source[symbol];
    }
  }
  return result;
}

export function __extends(derived: any, base: any): void {
  if (typeof base !== 'function' && base !== null) throw new TypeError(`Class extends value ${String(base)} is not a constructor or null`);
  Object.setPrototypeOf(derived, base);
  derived.prototype = base === null ? Object.create(base) : Object.create(base.prototype, { constructor: { value: derived, writable: true, configurable: true } });
}

export function __makeTemplateObject(cooked: string[], raw: string[]): TemplateStringsArray {
  Object.defineProperty(cooked, 'raw', { value: raw });
  return cooked as unknown as TemplateStringsArray;
}

export function __spreadArray(to: any[], from: any, pack?: boolean): any[] {
  if (pack || arguments.length === 2) {
    const list = Array.prototype.slice.call(from);
    return to.concat(list);
  }
  return to.concat(Array.prototype.slice.call(from));
}
