/** A segment definition in words: stanzas as AND groups, each a list of OR-combined conditions. */
import { Fragment, type ReactNode } from 'react';
import type { Criterion, SegmentDefinition } from '../../../src-shared/api';
import { describeCondition } from '../../lib/operator-labels';

/** Renders a definition readably, with labels from the criteria endpoint. */
export function DefinitionView(props: { definition: SegmentDefinition; catalog: ReadonlyMap<string, Criterion> }): ReactNode {
  const { stanzas } = props.definition;
  if (stanzas.length === 0) {
    return (
      <div className="every-fan" data-testid="every-fan">
        <strong>Every fan of the tenant</strong>
        <span className="muted small">No conditions: everyone in the tenant, including fans who join later.</span>
      </div>
    );
  }
  return (
    <ol className="definition" aria-label="Definition">
      {stanzas.map((stanza, i) => (
        <Fragment key={stanza.id ?? i}>
          {i > 0 ? (
            <li className="definition-and" aria-hidden="true">
              and
            </li>
          ) : null}
          <li className="definition-group">
            <span className="definition-group-title">{stanza.criteria.length > 1 ? 'Any of' : 'Condition'}</span>
            <ul>
              {stanza.criteria.map((c, k) => (
                <li key={c.id ?? k}>
                  {k > 0 ? <span className="definition-or">or </span> : null}
                  {describeCondition(c, props.catalog)}
                </li>
              ))}
            </ul>
          </li>
        </Fragment>
      ))}
    </ol>
  );
}
