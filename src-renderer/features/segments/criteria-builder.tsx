/** The criteria builder: AND-combined groups, each a list of OR-combined conditions. */
import { Fragment, type Dispatch, type ReactNode } from 'react';
import type { Criterion } from '../../../src-shared/api';
import { Text } from '../../i18n/text';
import { useWords } from '../../i18n/use-words';
import type { Message } from '../../../src-shared/i18n/translator';
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
  const t = useWords();
  const { draft, dispatch } = props;
  const first = props.criteria[0];
  const issueFor = (stanzaKey: number, conditionKey: number): Message | null =>
    props.showIssues ? (props.issues.find((i) => i.stanzaKey === stanzaKey && i.conditionKey === conditionKey)?.message ?? null) : null;
  return (
    <div className="builder" role="group" aria-label={t('builder.label')}>
      {draft.stanzas.length === 0 ? (
        <div className="every-fan" data-testid="every-fan">
          <strong>{t('builder.everyFan', { tenant: props.tenantName })}</strong>
          <span className="muted small">{t('builder.everyFanHint')}</span>
        </div>
      ) : null}
      {draft.stanzas.map((stanza, i) => (
        <Fragment key={stanza.key}>
          {i > 0 ? (
            <div className="builder-and" aria-hidden="true">
              {t('definition.and')}
            </div>
          ) : null}
          <fieldset className="stanza">
            <legend>
              <Text id="builder.group" values={{ n: i + 1, hint: (chunks) => <span className="muted small">{chunks}</span> }} />
            </legend>
            {stanza.conditions.map((condition, k) => (
              <Fragment key={condition.key}>
                {k > 0 ? (
                  <div className="builder-or" aria-hidden="true">
                    {t('definition.or')}
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
              <button type="button" className="link" aria-label={t('builder.addOrLabel', { n: i + 1 })} onClick={() => dispatch({ type: 'addCondition', stanzaKey: stanza.key, criterion: first })}>
                {t('builder.addOr')}
              </button>
              <button type="button" className="link danger" aria-label={t('builder.removeGroupLabel', { n: i + 1 })} onClick={() => dispatch({ type: 'removeStanza', stanzaKey: stanza.key })}>
                {t('builder.removeGroup')}
              </button>
            </div>
          </fieldset>
        </Fragment>
      ))}
      <button type="button" onClick={() => dispatch({ type: 'addStanza', criterion: first })}>
        {draft.stanzas.length === 0 ? t('builder.addCondition') : t('builder.addAnd')}
      </button>
    </div>
  );
}
