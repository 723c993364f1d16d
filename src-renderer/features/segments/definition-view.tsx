/** A segment definition in words: stanzas as AND groups, each a list of OR-combined conditions. */
import { Fragment, type ReactNode } from 'react';
import type { Criterion, SegmentDefinition } from '../../../src-shared/api';
import { useWords } from '../../i18n/use-words';
import { describeCondition } from '../../lib/operator-labels';

/** Renders a definition readably, with labels from the criteria endpoint. */
export function DefinitionView(props: { definition: SegmentDefinition; catalog: ReadonlyMap<string, Criterion> }): ReactNode {
  const t = useWords();
  const { stanzas } = props.definition;
  if (stanzas.length === 0) {
    return (
      <div className="every-fan" data-testid="every-fan">
        <strong>{t('definition.everyFan')}</strong>
        <span className="muted small">{t('definition.everyFanHint')}</span>
      </div>
    );
  }
  return (
    <ol className="definition" aria-label={t('definition.label')}>
      {stanzas.map((stanza, i) => (
        <Fragment key={stanza.id ?? i}>
          {i > 0 ? (
            <li className="definition-and" aria-hidden="true">
              {t('definition.and')}
            </li>
          ) : null}
          <li className="definition-group">
            <span className="definition-group-title">{stanza.criteria.length > 1 ? t('definition.anyOf') : t('definition.condition')}</span>
            <ul>
              {stanza.criteria.map((c, k) => (
                <li key={c.id ?? k}>
                  {k > 0 ? <span className="definition-or">{t('definition.orBefore')}</span> : null}
                  {describeCondition(t.translator, c, props.catalog)}
                </li>
              ))}
            </ul>
          </li>
        </Fragment>
      ))}
    </ol>
  );
}
