/**
 * The signed-in user, read once from /api/v1/auth/session (401 = signed out), with sign-in and
 * sign-out. What the user may edit is decided by the server on every write; `mayEdit` only decides
 * which edit links to show, from the same role rules (src/domain/access.ts).
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

/** What an edit link may lead to: the theme-scoped permissions of the roles (see domain/access.ts). */
export type EditRight =
  | 'finance.record'
  | 'call.edit'
  | 'activity.edit'
  | 'report.edit'
  // A theme's contacts (its finance experts and coordinators), its content areas and links (coordinators).
  | 'contact.edit'
  | 'content_area.edit';

const THEME_ROLE_RIGHTS: Record<string, readonly EditRight[]> = {
  finance_expert: ['finance.record', 'call.edit', 'contact.edit'],
  theme_coordinator: ['activity.edit', 'report.edit', 'contact.edit', 'content_area.edit'],
};

export function mayEdit(session: Session | null, right: EditRight, themeSlug: string): boolean {
  if (!session) return false;
  return session.roles.some(
    (role) =>
      role.role === 'admin' || (role.theme === themeSlug && (THEME_ROLE_RIGHTS[role.role] ?? []).includes(right)),
  );
}

/** The steering groups whose material the user reads: every group (managing authority, ministries) or those their roles name. */
export function readableGroups(session: Session | null): { all: boolean; keys: string[] } {
  if (!session) return { all: false, keys: [] };
  const all = session.roles.some((role) => role.role === 'admin' || role.role === 'ministry_official');
  const keys = session.roles
    .filter(
      (role) =>
        role.steeringGroup && (role.role === 'steering_group_secretary' || role.role === 'steering_group_member'),
    )
    .map((role) => role.steeringGroup!);
  return { all, keys: [...new Set(keys)] };
}

/** Meetings, agendas and minutes of a group are written by its secretary (and the managing authority). */
export function mayEditMeetings(session: Session | null, groupKey: string): boolean {
  if (!session) return false;
  return session.roles.some(
    (role) => role.role === 'admin' || (role.role === 'steering_group_secretary' && role.steeringGroup === groupKey),
  );
}
/** Every theme's report state and the compiled review: the managing authority and every ministry. */
export const mayReadReview = (session: Session | null) =>
  !!session?.roles.some((role) => role.role === 'admin' || role.role === 'ministry_official');

/** Reminders about reports: the managing authority. */
export const mayManageReview = (session: Session | null) => !!session?.roles.some((role) => role.role === 'admin');

/** Organisations are shared by every theme: any finance expert keeps them (and the managing authority). */
export const mayEditOrganisations = (session: Session | null) =>
  !!session?.roles.some((role) => role.role === 'admin' || role.role === 'finance_expert');

/** A theme's project entities: its finance experts and the managing authority. */
export const mayEditProjects = (session: Session | null, themeSlug: string) =>
  !!session?.roles.some(
    (role) => role.role === 'admin' || (role.role === 'finance_expert' && role.theme === themeSlug),
  );

/** The mail page (settings, undelivered mail, retry): the managing authority (the server checks `audit.read`). */
export const mayManageMail = mayManageReview;

/** The users page: the managing authority only (the server checks `users.manage` again). */
export const mayManageUsers = mayManageReview;

/** Whether the reports page has anything for the user: roles that read or write some theme's report. */
export const hasReports = (session: Session | null) =>
  !!session?.roles.some((role) =>
    ['admin', 'ministry_official', 'theme_coordinator', 'finance_expert'].includes(role.role),
  );
