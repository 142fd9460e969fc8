/**
 * The signed-in user, read once from /api/v1/auth/session (401 = signed out), with sign-in and
 * sign-out. What the user may edit is decided by the server on every write; which actions the web
 * offers follows the session's `capabilities`, which the server computes from `can()`
 * (src/domain/capabilities.ts): the web keeps no copy of the role rules.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { ZSession } from '../../contracts/api.js';
import { clearApiCache, fetchFresh, sendApi } from '../api.js';
import type { Language } from '../i18n.js';

export type Session = z.infer<typeof ZSession>;

type SessionState = {
  session: Session | null;
  /** False until the first answer: edit links wait for it rather than flicker. */
  known: boolean;
  signIn: (username: string, password: string, language: Language) => Promise<Session>;
  signOut: (language: Language) => Promise<void>;
  /** The password was changed (a temporary one no longer holds writes back). */
  passwordChanged: () => void;
};

const SessionContext = createContext<SessionState>({
  session: null,
  known: false,
  signIn: () => Promise.reject(new Error('no session provider')),
  signOut: () => Promise.resolve(),
  passwordChanged: () => undefined,
});

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [known, setKnown] = useState(false);

  useEffect(() => {
    fetchFresh<Session>('/api/v1/auth/session', 'fi').then(
      (value) => {
        setSession(value);
        setKnown(true);
      },
      () => setKnown(true),
    );
  }, []);

  const signIn = useCallback(async (username: string, password: string, language: Language) => {
    const { data } = await sendApi<Session>('POST', '/api/v1/auth/login', { username, password }, { language });
    setSession(data);
    return data;
  }, []);

  const signOut = useCallback(
    async (language: Language) => {
      try {
        await sendApi('POST', '/api/v1/auth/logout', {}, { language, csrfToken: session?.csrfToken });
      } finally {
        clearApiCache();
        setSession(null);
      }
    },
    [session],
  );

  const passwordChanged = useCallback(
    () => setSession((current) => (current ? { ...current, passwordChangeRequired: false } : current)),
    [],
  );

  const value = useMemo(
    () => ({ session, known, signIn, signOut, passwordChanged }),
    [session, known, signIn, signOut, passwordChanged],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

type Capabilities = Session['capabilities'];
export type ThemeCapability = Capabilities['themes'][string][number];
export type GroupCapability = Capabilities['steeringGroups'][string][number];
export type GlobalCapability = Capabilities['global'][number];

/** May the user do this with the theme's records? As the server computed it for the session. */
export const mayInTheme = (session: Session | null, slug: string, capability: ThemeCapability): boolean =>
  session?.capabilities.themes[slug]?.includes(capability) ?? false;

/** May the user do this with the steering group's material? */
export const mayInGroup = (session: Session | null, key: string, capability: GroupCapability): boolean =>
  session?.capabilities.steeringGroups[key]?.includes(capability) ?? false;

/** May the user do this whatever the record (organisations, users, the audit trail, the review)? */
export const mayAnywhere = (session: Session | null, capability: GlobalCapability): boolean =>
  session?.capabilities.global.includes(capability) ?? false;

/** The steering groups whose material the user reads (or writes). */
export const readableGroupKeys = (session: Session | null): string[] =>
  Object.keys(session?.capabilities.steeringGroups ?? {});

/**
 * Whether the reports pages have anything for the user: the compiled review, or some theme whose
 * internal material (its reports among it) they read.
 */
export const readsSomeReports = (session: Session | null): boolean =>
  mayAnywhere(session, 'review.read') ||
  Object.values(session?.capabilities.themes ?? {}).some((allowed) => allowed.includes('theme.read_internal'));
