/**
 * The search box in the header of every page: the design system's search input inside a search
 * landmark. Searching goes to the results page; an empty search does nothing.
 */
import { SearchInput } from 'suomifi-ui-components';
import { styled } from 'styled-components';
import { smallScreen } from './tokens.js';
import type { TextSegment } from '../../contracts/search.js';

const Form = styled.form`
  flex: 0 1 22rem;
  min-width: 0;
  ${smallScreen} {
    flex-basis: 100%;
  }
`;

type SearchBoxProps = {
  label: string;
  searchButtonLabel: string;
  clearButtonLabel: string;
  /** The current search, shown in the box on the results page. */
  initial: string;
  onSearch: (text: string) => void;
};

export function SearchBox(props: SearchBoxProps) {
  return (
    <Form role="search" aria-label={props.label} onSubmit={(event) => event.preventDefault()}>
      <SearchInput
        // A new search from elsewhere (the back button) shows its own words.
        key={props.initial}
        labelText={props.label}
        labelMode="hidden"
        visualPlaceholder={props.label}
        searchButtonLabel={props.searchButtonLabel}
        clearButtonLabel={props.clearButtonLabel}
        defaultValue={props.initial}
        name="q"
        fullWidth
        maxLength={200}
        onSearch={(value) => {
          if (value.trim() !== '') props.onSearch(value.trim());
        }}
      />
    </Form>
  );
}

/** Text with the words the search found marked. */
export function Highlighted({ segments, lang }: { segments: TextSegment[]; lang?: string | undefined }) {
  return (
    <span lang={lang}>
      {segments.map((segment, index) => (segment.hit ? <mark key={index}>{segment.text}</mark> : segment.text))}
    </span>
  );
}
