/**
 * After a navigation inside the app, focus moves to the new page's h1, so that keyboard and screen
 * reader users start reading the new page (and hear its name) instead of staying on the old link.
 * The first page load keeps the browser's own focus; a change of the query string only (filters)
 * does not move focus either.
 */
import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { useLocation } from 'react-router';

/** Whether a navigation waits for its page's heading: set on a new path, taken by the first heading. */
type PendingFocus = { mark: () => void; take: () => boolean };

function pendingFocus(): PendingFocus {
  let pending = false;
  return {
    mark: () => {
      pending = true;
    },
    take: () => {
      const was = pending;
      pending = false;
      return was;
    },
  };
}

const NavigationFocusContext = createContext<PendingFocus>(pendingFocus());

export function NavigationFocusProvider({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const [pending] = useState(pendingFocus);
  const lastPath = useRef(pathname);
  // A layout effect: every layout effect of a commit runs before any passive effect, so the new
  // page's heading, mounting in this same commit, finds the navigation marked in its own effect.
  useLayoutEffect(() => {
    if (lastPath.current === pathname) return;
    lastPath.current = pathname;
    pending.mark();
    window.scrollTo(0, 0);
  }, [pathname, pending]);
  return <NavigationFocusContext.Provider value={pending}>{children}</NavigationFocusContext.Provider>;
}

/** Focuses the element once it mounts, when a navigation is waiting for it. */
export function useFocusOnNavigation(ref: RefObject<HTMLElement | null>): void {
  const pending = useContext(NavigationFocusContext);
  useEffect(() => {
    if (ref.current && pending.take()) ref.current.focus();
  });
}
