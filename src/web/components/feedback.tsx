/** Loading, errors, warnings and notes, from the design system. */
import type { ReactNode } from 'react';
import { InlineAlert, LoadingSpinner } from 'suomifi-ui-components';
import { styled } from 'styled-components';
import { spacing } from './tokens.js';

const Centered = styled.div`
  display: flex;
  justify-content: center;
  padding: ${spacing.xl} 0;
`;

export function Loading({ text }: { text: string }) {
  return (
    // data-loading: the browser tests wait until no part of the page is still loading.
    <Centered data-loading="">
      <LoadingSpinner text={text} status="loading" textAlign="right" />
    </Centered>
  );
}

/** Something a reader must see: broken figures, data known to be missing. */
export function Warning({ title, children }: { title?: ReactNode; children: ReactNode }) {
  return (
    <InlineAlert status="warning" labelText={title} mb="m">
      {children}
    </InlineAlert>
  );
}

export function ErrorNotice({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <InlineAlert status="error" labelText={title} mb="m">
      {children}
    </InlineAlert>
  );
}

export function Note({ title, children }: { title?: ReactNode; children: ReactNode }) {
  return (
    <InlineAlert status="neutral" labelText={title} mb="m">
      {children}
    </InlineAlert>
  );
}
