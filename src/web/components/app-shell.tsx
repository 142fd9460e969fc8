/**
 * The frame around every page: skip link, header with the service name, language links and
 * sign-in, the main navigation, the main area and the footer. The design system gives the skip link
 * and the navigation; the rest is built to its tokens.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { ServiceNavigation, ServiceNavigationItem, SkipLink } from 'suomifi-ui-components';
import { styled } from 'styled-components';
import { NavigationLink } from './links.js';
import { colors, smallScreen, spacing, typography } from './tokens.js';

export const MAIN_ID = 'main';

const Banner = styled.header`
  background: ${colors.whiteBase};
  border-top: 4px solid ${colors.brandBase};
  border-bottom: 1px solid ${colors.depthLight1};
`;

export const Container = styled.div`
  max-width: 1200px;
  margin: 0 auto;
  padding: 0 ${spacing.l};
  ${smallScreen} {
    padding: 0 ${spacing.s};
  }
`;

const BannerRow = styled(Container)`
  display: flex;
  flex-wrap: wrap;
  justify-content: space-between;
  align-items: center;
  gap: ${spacing.s};
  padding-top: ${spacing.s};
  padding-bottom: ${spacing.s};
`;

const ServiceName = styled.div`
  a {
    ${typography.heading3}
    color: ${colors.brandBase};
    text-decoration: none;
  }
  a:hover {
    text-decoration: underline;
  }
`;

const ServiceSubtitle = styled.span`
  display: block;
  ${typography.bodyTextSmall}
  color: ${colors.blackBase};
`;

const Tools = styled.ul`
  display: flex;
  flex-wrap: wrap;
  gap: ${spacing.s};
  list-style: none;
  margin: 0;
  padding: 0;
  ${typography.actionElementInnerText}
  a[aria-current='page'] {
    font-weight: 600;
    text-decoration: none;
    color: ${colors.blackBase};
  }
`;

const NavigationBar = styled.div`
  background: ${colors.whiteBase};
  border-bottom: 1px solid ${colors.depthLight1};
  /* The design system's service navigation is a vertical list; on wide screens it runs across. */
  @media (min-width: 768px) {
    && .fi-service-navigation_list {
      display: flex;
      flex-wrap: wrap;
    }
    && .fi-service-navigation-item,
    && .fi-service-navigation-item--selected {
      border-left: 0;
      border-bottom: 4px solid transparent;
      background: transparent;
    }
    && .fi-service-navigation-item:hover,
    && .fi-service-navigation-item--selected {
      border-left: 0;
      border-bottom-color: ${colors.highlightBase};
    }
    && .fi-service-navigation-item:hover .fi-link--router,
    && .fi-service-navigation-item--selected .fi-link--router {
      padding-left: ${spacing.s};
    }
    && .fi-service-navigation-item .fi-link--router,
    && .fi-service-navigation-item--selected .fi-link--router {
      padding: ${spacing.xs} ${spacing.s};
    }
  }
`;

const Main = styled.main`
  padding: ${spacing.l} 0 ${spacing.xxxl};
  min-height: 60vh;
  &:focus {
    outline: none;
  }
`;

const Footer = styled.footer`
  background: ${colors.brandBase};
  color: ${colors.whiteBase};
  padding: ${spacing.xl} 0;
  ${typography.bodyTextSmall}
  /* The design system's links are blue; on the dark footer they must be white to be read. */
  && a,
  && a:visited,
  && a:hover,
  && a.fi-link,
  && a.fi-link--router {
    color: ${colors.whiteBase};
  }
  ul {
    list-style: none;
    padding: 0;
    margin: 0 0 ${spacing.m};
    display: flex;
    flex-wrap: wrap;
    gap: ${spacing.s} ${spacing.l};
  }
  p {
    margin: 0 0 ${spacing.xs};
  }
`;

function useNarrowScreen(): boolean {
  const query = '(max-width: 767px)';
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const update = () => setNarrow(media.matches);
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return narrow;
}

export type NavigationItem = { to: string; label: string; selected: boolean; end?: boolean };

type AppShellProps = {
  skipLinkText: string;
  serviceName: ReactNode;
  serviceSubtitle: ReactNode;
  /** The search box, between the service name and the tools. */
  search?: ReactNode;
  tools: ReactNode;
  navigationLabel: string;
  navigationToggleText: string;
  navigation: NavigationItem[];
  footer: ReactNode;
  children: ReactNode;
};

export function AppShell(props: AppShellProps) {
  const narrow = useNarrowScreen();
  return (
    <>
      <SkipLink href={`#${MAIN_ID}`}>{props.skipLinkText}</SkipLink>
      <Banner>
        <BannerRow>
          <ServiceName>
            {props.serviceName}
            <ServiceSubtitle>{props.serviceSubtitle}</ServiceSubtitle>
          </ServiceName>
          {props.search}
          <Tools>{props.tools}</Tools>
        </BannerRow>
        <NavigationBar>
          <Container>
            <ServiceNavigation
              aria-label={props.navigationLabel}
              variant={narrow ? 'smallScreen' : 'default'}
              initiallyExpanded={false}
              smallScreenExpandButtonText={props.navigationToggleText}
            >
              {props.navigation.map((item) => (
                <ServiceNavigationItem key={item.to} selected={item.selected}>
                  <NavigationLink to={item.to} end={item.end}>
                    {item.label}
                  </NavigationLink>
                </ServiceNavigationItem>
              ))}
            </ServiceNavigation>
          </Container>
        </NavigationBar>
      </Banner>
      <Main id={MAIN_ID} tabIndex={-1}>
        <Container>{props.children}</Container>
      </Main>
      <Footer>
        <Container>{props.footer}</Container>
      </Footer>
    </>
  );
}
