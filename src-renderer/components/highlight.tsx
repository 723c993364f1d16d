/** Text with the parts matching a query marked. */
import type { ReactNode } from 'react';
import { highlightParts } from '../lib/tenant-search';

/** Renders `text` with every match of `query`'s tokens in `<mark>`. */
export function Highlight(props: { text: string; query: string }): ReactNode {
  if (props.query.trim() === '') return props.text;
  return highlightParts(props.text, props.query).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>));
}
