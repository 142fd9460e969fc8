/** Content opened by a button: the design system's expander. */
import type { ReactNode } from 'react';
import { Expander, ExpanderContent, ExpanderTitleButton } from 'suomifi-ui-components';

export function Disclosure({
  title,
  children,
  headingLevel,
}: {
  title: ReactNode;
  children: ReactNode;
  headingLevel?: 'h3' | 'h4';
}) {
  return (
    <Expander mb="xs">
      <ExpanderTitleButton asHeading={headingLevel}>{title}</ExpanderTitleButton>
      <ExpanderContent>{children}</ExpanderContent>
    </Expander>
  );
}
