/** The criteria builder: AND-combined groups, each a list of OR-combined conditions. */
import { Fragment, type Dispatch, type ReactNode } from 'react';
import type { Criterion } from '../../../src-shared/api';
import type { DraftAction, DraftIssue, SegmentDraft } from '../../lib/segment-draft';
import { ConditionRow } from './condition-row';

/** Props of the builder. */
export interface CriteriaBuilderProps {
  draft: SegmentDraft;
  criteria: readonly Criterion[];
  catalog: ReadonlyMap<string, Criterion>;
  issues: readonly DraftIssue[];
  showIssues: boolean;
  dispatch: Dispatch<DraftAction>;
  /** The tenant the segment is in, for the "every fan" summary. */
  tenantName: string;
}

/** Edits the draft's stanzas. */
export function CriteriaBuilder(props: CriteriaBuilderProps): ReactNode {
  const { draft, dispatch } = props;
  const first = props.criteria[0];
  const issueFor = (stanzaKey: number, conditionKey: number): string | null =>
    props.showIssues ? (props.issues.find((i) => i.stanzaKey === stanzaKey && i.conditionKey === conditionKey)?.message ?? null) : null;
  return (
    <div className="builder" role="group" aria-label="Conditions">
      {draft.stanzas.length === 0 ? (
        <div className="every-fan" data-testid="every-fan">
          <strong>Every fan of {props.tenantName}</strong>
          <span className="muted small">No conditions: the segment holds everyone in the tenant, including fans who join later. Add a condition to narrow it.</span>
        </div>
      ) : null}
      {draft.stanzas.map((stanza, i) => (
        <Fragment key={stanza.key}>
          {i > 0 ? (
            <div className="builder-and" aria-hidden="true">
              and
            </div>
          ) : null}
          <fieldset className="stanza">
            <legend>
              Group {i + 1} <span className="muted small">— fans matching any of these</span>
            </legend>
            {stanza.conditions.map((condition, k) => (
              <Fragment key={condition.key}>
                {k > 0 ? (
                  <div className="builder-or" aria-hidden="true">
                    or
                  </div>
                ) : null}
                <ConditionRow
                  stanzaKey={stanza.key}
                  condition={condition}
                  position={`${i + 1}.${k + 1}`}
                  criteria={props.criteria}
                  catalog={props.catalog}
                  issue={issueFor(stanza.key, condition.key)}
                  dispatch={dispatch}
                />
              </Fragment>
            ))}
            <div className="stanza-actions">
              <button type="button" className="link" aria-label={`Add an OR condition to group ${i + 1}`} onClick={() => dispatch({ type: 'addCondition', stanzaKey: stanza.key, criterion: first })}>
                + or…
              </button>
              <button type="button" className="link danger" aria-label={`Remove group ${i + 1}`} onClick={() => dispatch({ type: 'removeStanza', stanzaKey: stanza.key })}>
                Remove group
              </button>
            </div>
          </fieldset>
        </Fragment>
      ))}
      <button type="button" onClick={() => dispatch({ type: 'addStanza', criterion: first })}>
        {draft.stanzas.length === 0 ? '+ Add a condition' : '+ And group'}
      </button>
    </div>
  );
}
