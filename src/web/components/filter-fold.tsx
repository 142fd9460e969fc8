/**
 * A page's filters. On wide screens they stand open above the results; on phones they fold behind
 * one "Rajaa / Avgränsa / Filter" button (saying how many are chosen), so the results are not pushed
 * a screen down. Folded filters keep their values: they still apply, and the address still holds them.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button as SuomifiButton } from 'suomifi-ui-components';
import { styled } from 'styled-components';
import { FilterGrid } from './forms.js';
import { smallScreen, spacing } from './tokens.js';

const Fold = styled.div`
  .filter-toggle {
    display: none;
  }
  ${smallScreen} {
    .filter-toggle {
      display: inline-flex;
      margin-bottom: ${spacing.s};
    }
    > [data-open='false'] {
      display: none;
    }
  }
`;

export function FilterFold({
  children,
  chosen = 0,
}: {
  children: ReactNode;
  /** filters with a value */ chosen?: number;
}) {
  const { t } = useTranslation('common');
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <Fold>
      <SuomifiButton
        className="filter-toggle"
        variant="secondary"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {chosen > 0 ? t('common:filters.toggleChosen', { count: chosen }) : t('common:filters.toggle')}
      </SuomifiButton>
      <FilterGrid id={id} data-open={open}>
        {children}
      </FilterGrid>
    </Fold>
  );
}
