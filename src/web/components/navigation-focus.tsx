/**
 * After a navigation inside the app, focus moves to the new page's h1, so that keyboard and screen
 * reader users start reading the new page (and hear its name) instead of staying on the old link.
 * The first page load keeps the browser's own focus; a change of the query string only (filters)
 * does not move focus either.
 */
import { createContext, useContext, useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useLocation } from 'react-router';

type PendingFocus = { current: boolean };
const NavigationFocusContext = createContext<PendingFocus>({ current: false });

export function NavigationFocusProvider({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const pending = useRef(false);
  const lastPath = useRef(pathname);
  // Set during render: the new page's heading may mount, and run its effect, in this same commit.
  if (lastPath.current !== pathname) {
    lastPath.current = pathname;
    pending.current = true;
  }
  useEffect(() => {
    if (pending.current) window.scrollTo(0, 0);
  }, [pathname]);
  return <NavigationFocusContext.Provider value={pending}>{children}</NavigationFocusContext.Provider>;
}

/** Focuses the element once it mounts, when a navigation is waiting for it. */
export function useFocusOnNavigation(ref: RefObject<HTMLElement | null>): void {
  const pending = useContext(NavigationFocusContext);
  useEffect(() => {
    if (pending.current && ref.current) {
      pending.current = false;
      ref.current.focus();
    }
  });
}
