/** Headings and text from the design system. */
import { useRef, type ReactNode, type RefObject } from 'react';
import {
  Heading,
  Paragraph as SuomifiParagraph,
  Text as SuomifiText,
  VisuallyHidden as SuomifiVisuallyHiddenText,
} from 'suomifi-ui-components';
import { styled } from 'styled-components';
import { useFocusOnNavigation } from './navigation-focus.js';
import { colors, smallScreen, spacing, typography } from './tokens.js';

/** The page's one h1. Focusable from script only, so that navigation can move focus to it. */
export function PageHeading({ children, lang }: { children: ReactNode; lang?: string | undefined }) {
  // The design system types its ref as non-null; React fills it before any effect reads it.
  const ref = useRef<HTMLHeadingElement>(null) as RefObject<HTMLHeadingElement>;
  useFocusOnNavigation(ref);
  return (
    <Heading variant="h1" forwardedRef={ref} tabIndex={-1} lang={lang} mb="s">
      {children}
    </Heading>
  );
}

type Level = 2 | 3 | 4;

export function SectionHeading({ level = 2, children, id }: { level?: Level; children: ReactNode; id?: string }) {
  const variant = `h${level}` as const;
  return (
    <Heading variant={variant} id={id} mt={level === 2 ? 'xl' : 'l'} mb="s">
      {children}
    </Heading>
  );
}

export function Paragraph({ children, lang }: { children: ReactNode; lang?: string }) {
  return (
    <SuomifiParagraph mb="s" lang={lang}>
      {children}
    </SuomifiParagraph>
  );
}

export function Lead({ children }: { children: ReactNode }) {
  return (
    <SuomifiParagraph mb="m">
      <SuomifiText variant="lead">{children}</SuomifiText>
    </SuomifiParagraph>
  );
}

export function Bold({ children }: { children: ReactNode }) {
  return <SuomifiText variant="bold">{children}</SuomifiText>;
}

/** Small print: sources, notes under a table. */
export const SmallText = styled.p`
  ${typography.bodyTextSmall}
  color: ${colors.blackBase};
  margin: ${spacing.xs} 0 ${spacing.s};
`;

/** A short fact in large type, with its label. */
export const FigureValue = styled.span`
  display: block;
  ${typography.heading2}
  ${smallScreen} {
    ${typography.heading2SmallScreen}
  }
`;

/** Text as it was written, in paragraphs and lines (minutes, backgrounds, decisions). */
export const WrittenText = styled.div`
  ${typography.bodyText}
  white-space: pre-line;
  overflow-wrap: anywhere;
  margin: 0 0 ${spacing.s};
`;
const DiffText = styled.p`
  ${typography.bodyText}
  white-space: pre-wrap;
  margin: 0 0 ${spacing.s};
  ins {
    background: ${colors.successSecondary};
    text-decoration: underline;
  }
  del {
    background: ${colors.alertLight1};
    text-decoration: line-through;
  }
`;

/**
 * Two versions of a text word by word: insertions underlined, deletions struck through, and each
 * also named in words for screen readers (which do not announce <ins> and <del>).
 */
export function TextChanges({
  parts,
  added,
  removed,
}: {
  parts: { op: 'equal' | 'insert' | 'delete'; text: string }[];
  added: string;
  removed: string;
}) {
  return (
    <DiffText>
      {parts.map((part, index) =>
        part.op === 'equal' ? (
          <span key={index}>{part.text}</span>
        ) : part.op === 'insert' ? (
          <ins key={index}>
            <SuomifiVisuallyHiddenText>{`[${added}: `}</SuomifiVisuallyHiddenText>
            {part.text}
            <SuomifiVisuallyHiddenText>]</SuomifiVisuallyHiddenText>
          </ins>
        ) : (
          <del key={index}>
            <SuomifiVisuallyHiddenText>{`[${removed}: `}</SuomifiVisuallyHiddenText>
            {part.text}
            <SuomifiVisuallyHiddenText>]</SuomifiVisuallyHiddenText>
          </del>
        ),
      )}
    </DiffText>
  );
}
