/** Links from the design system: in-app links go through the router, so the page is not reloaded. */
import type { ReactNode } from 'react';
import { Link as RouterDomLink, NavLink, useNavigate } from 'react-router';
import { Breadcrumb, BreadcrumbLink, ExternalLink as SuomifiExternalLink, RouterLink } from 'suomifi-ui-components';
import { styled } from 'styled-components';

type AppLinkProps = {
  to: string;
  children: ReactNode;
  lang?: string | undefined;
  /** For links that name the current page among others (language links, the navigation). */
  current?: boolean;
  className?: string;
  'aria-label'?: string;
  'aria-describedby'?: string;
};

export function AppLink({ to, children, lang, current, className, ...rest }: AppLinkProps) {
  return (
    <RouterLink
      asComponent={RouterDomLink}
      to={to}
      lang={lang}
      className={className}
      aria-current={current ? 'page' : undefined}
      {...rest}
    >
      {children}
    </RouterLink>
  );
}

/** A navigation link that says aria-current="page" when it leads to the page being shown. */
export function NavigationLink({ to, children, end }: { to: string; children: ReactNode; end?: boolean }) {
  return (
    <RouterLink asComponent={NavLink} to={to} end={end}>
      {children}
    </RouterLink>
  );
}

/** A link out of the service, opening in a new tab as the design system does, and saying so. */
export function ExternalLink({
  href,
  children,
  newWindowLabel,
}: {
  href: string;
  children: ReactNode;
  newWindowLabel: string;
}) {
  return (
    <SuomifiExternalLink href={href} toNewWindow labelNewWindow={newWindowLabel}>
      {children}
    </SuomifiExternalLink>
  );
}

/** A plain link to something the browser opens itself (the API, a download). */
export function PlainLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <SuomifiExternalLink href={href} toNewWindow={false} hideIcon>
      {children}
    </SuomifiExternalLink>
  );
}

export type Crumb = { to?: string; label: ReactNode };

/**
 * The design system floats the crumbs in a box one line high: a trail that wraps (long group or
 * theme names) would spill into the heading below. The box grows with its crumbs instead.
 */
const BreadcrumbBox = styled.div`
  && .fi-breadcrumb {
    height: auto;
    display: flow-root;
  }
`;

export function Breadcrumbs({ label, items }: { label: string; items: Crumb[] }) {
  const navigate = useNavigate();
  return (
    <BreadcrumbBox>
      <Breadcrumb aria-label={label} mb="m">
        {items.map((item, index) =>
          item.to ? (
            <BreadcrumbLink
              key={index}
              href={item.to}
              onClick={(event) => {
                // The design system's breadcrumb renders a plain <a href>: route it in the app.
                if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
                event.preventDefault();
                void navigate(item.to!);
              }}
            >
              {item.label}
            </BreadcrumbLink>
          ) : (
            <BreadcrumbLink key={index} current>
              {item.label}
            </BreadcrumbLink>
          ),
        )}
      </Breadcrumb>
    </BreadcrumbBox>
  );
}
