/**
 * Reading the public API (/api/v1). Responses are typed by the shared contracts; the server
 * validates them against the same schemas. Answers are cached per language for the session, so
 * going back to a page shows it at once.
 */
import { useEffect, useState } from 'react';
import type { Problem } from '../contracts/api.js';
import type { Language } from './i18n.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

const cache = new Map<string, unknown>();

export async function fetchApi<T>(path: string, language: Language, signal?: AbortSignal): Promise<T> {
  const key = `${language} ${path}`;
  if (cache.has(key)) return cache.get(key) as T;
  // The server words problems and finance warnings in the language it is asked for.
  const response = await fetch(path, {
    headers: { accept: 'application/json', 'accept-language': language },
    signal: signal ?? null,
  });
  if (!response.ok) {
    const isProblem = (response.headers.get('content-type') ?? '').includes('json');
    throw new ApiError(response.status, isProblem ? ((await response.json()) as Problem) : null);
  }
  const data = (await response.json()) as T;
  cache.set(key, data);
  return data;
}

export type ApiState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: ApiError | Error; retry?: (() => void) | undefined }
  | { status: 'ok'; data: T; error?: undefined };

/**
 * The answer to a GET; pass null to wait (e.g. until another answer gives the path). A failed read
 * comes with `retry`, which reads again (the page's error state offers it as a button).
 */
export function useApi<T>(path: string | null, language: Language): ApiState<T> {
  const cached = path === null ? undefined : (cache.get(`${language} ${path}`) as T | undefined);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ key: string | null; value: ApiState<T> }>({
    key: null,
    value: { status: 'loading' },
  });
  const key = path === null ? null : `${language} ${path}`;
  const attemptKey = `${attempt} ${key}`;

  useEffect(() => {
    if (path === null || cached !== undefined) return;
    const controller = new AbortController();
    // Read again after a write (which empties the cache): the answer shown stays until the new one
    // comes, so the page is not replaced by a spinner and nothing on it loses its state or focus.
    // An answer for another path is not shown meanwhile (see the state's key below).
    fetchApi<T>(path, language, controller.signal).then(
      (data) => setState({ key: attemptKey, value: { status: 'ok', data } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          key: attemptKey,
          value: {
            status: 'error',
            error: error instanceof Error ? error : new Error(String(error)),
            retry: () => setAttempt((n) => n + 1),
          },
        });
      },
    );
    return () => controller.abort();
  }, [attemptKey, path, language, cached]);

  if (cached !== undefined) return { status: 'ok', data: cached };
  // A retry changes the key, so its spinner shows until the new answer comes.
  if (state.key !== attemptKey) return { status: 'loading' };
  return state.value;
}

/** Forgets every cached answer: after a write, pages read again what they show. */
export function clearApiCache(): void {
  cache.clear();
}

export type WriteOptions = {
  language: Language;
  /** The session's CSRF token; every write made with the session cookie must carry it. */
  csrfToken?: string | null | undefined;
  /** The version the change is based on (If-Match); a newer stored version gives 409. */
  ifMatch?: number | undefined;
};

/** A write (POST, PATCH, PUT) to the API: the parsed answer and its version (ETag), or an ApiError. */
export async function sendApi<T>(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  /** Undefined sends no body at all (an archive: DELETE with If-Match only). */
  body: unknown,
  options: WriteOptions,
): Promise<{ data: T; version: number | null }> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': options.language,
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const payload: unknown = response.status === 204 || !isJson ? null : await response.json();
  if (!response.ok) throw new ApiError(response.status, payload as Problem | null);
  clearApiCache();
  const etag = /"(\d+)"/.exec(response.headers.get('etag') ?? '');
  return { data: payload as T, version: etag ? Number(etag[1]) : null };
}

/** A GET that bypasses the cache (forms read the record as it is now). */
export async function fetchFresh<T>(path: string, language: Language): Promise<T> {
  const response = await fetch(path, {
    headers: { accept: 'application/json', 'accept-language': language },
    credentials: 'same-origin',
  });
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  if (!response.ok) throw new ApiError(response.status, isJson ? ((await response.json()) as Problem) : null);
  return (await response.json()) as T;
}

/**
 * The answer to a GET read anew each time the page opens, never from the session's cache: for what
 * other people change meanwhile (My tasks: a report returned, minutes waiting for the chair).
 * `visit` names the visit (the router location's key): a new one reads again, also when the same
 * page is opened again from the navigation.
 */
export function useFreshApi<T>(path: string | null, language: Language, visit = ''): ApiState<T> {
  // The visit is part of the key: what an earlier visit read is not shown as this one's.
  const key = path === null ? null : `${language} ${path} ${visit}`;
  const [state, setState] = useState<{ key: string | null; value: ApiState<T> }>({
    key: null,
    value: { status: 'loading' },
  });
  useEffect(() => {
    if (path === null) return;
    let current = true;
    fetchFresh<T>(path, language).then(
      (data) => {
        if (current) setState({ key, value: { status: 'ok', data } });
      },
      (error: unknown) => {
        if (!current) return;
        setState({ key, value: { status: 'error', error: error instanceof Error ? error : new Error(String(error)) } });
      },
    );
    return () => {
      current = false;
    };
  }, [key, path, language]);
  if (state.key !== key) return { status: 'loading' };
  return state.value;
}

/** Builds a query string from the parameters that have a value. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
