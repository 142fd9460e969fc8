/**
 * "On this page": links to the sections of a long page, so a reader can jump to the money or the
 * projects without scrolling past everything else. Links to the section headings' ids; a nav
 * landmark with its own name (so it is told apart from the main navigation). Not printed.
 */
import { styled } from 'styled-components';
import { PlainLink } from './links.js';
import { colors, spacing, typography } from './tokens.js';

const Contents = styled.nav`
  margin: ${spacing.s} 0 ${spacing.m};
  padding: ${spacing.s} ${spacing.m};
  background: ${colors.whiteBase};
  border-left: 4px solid ${colors.highlightBase};
  h2 {
    ${typography.bodySemiBold}
    margin: 0 0 ${spacing.xs};
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: ${spacing.xs} ${spacing.m};
  }
`;

export function PageContents({ label, items }: { label: string; items: { id: string; label: string }[] }) {
  return (
    <Contents aria-labelledby="page-contents-heading" className="no-print">
      <h2 id="page-contents-heading">{label}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <PlainLink href={`#${item.id}`}>{item.label}</PlainLink>
          </li>
        ))}
      </ul>
    </Contents>
  );
}
