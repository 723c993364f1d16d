/** One condition of the builder: criterion, an operator valid for its value type, a value input by type. */
import { MultiSelect } from '../../components/multi-select';
import type { Dispatch, ReactNode } from 'react';
import type { Criterion } from '../../../src-shared/api';
import { missingCaseError } from '../../../src-shared/missing-case';
import { valueKindFor } from '../../../src-shared/segment-definition-check';
import type { Message } from '../../../src-shared/i18n/translator';
import { useWords, type Words } from '../../i18n/use-words';
import { operatorLabel } from '../../lib/operator-labels';
import { operatorsFor, type DraftAction, type DraftCondition } from '../../lib/segment-draft';

/** Props of a condition row. */
export interface ConditionRowProps {
  stanzaKey: number;
  condition: DraftCondition;
  /** "1.2" = group 1, condition 2; used in accessible names. */
  position: string;
  criteria: readonly Criterion[];
  catalog: ReadonlyMap<string, Criterion>;
  issue: Message | null;
  dispatch: Dispatch<DraftAction>;
}

/** A condition row. */
export function ConditionRow(props: ConditionRowProps): ReactNode {
  const t = useWords();
  const { condition, stanzaKey, dispatch, position } = props;
  const criterion = props.catalog.get(condition.criterionId);
  const operators = operatorsFor(criterion);
  const at = { stanzaKey, conditionKey: condition.key };
  const issueId = `issue-${stanzaKey}-${condition.key}`;
  const invalid = props.issue !== null;
  const groups = new Map<string, Criterion[]>();
  for (const c of props.criteria) {
    const group = groupLabel(t, c.type);
    groups.set(group, [...(groups.get(group) ?? []), c]);
  }

  return (
    <div className={`condition${invalid ? ' invalid' : ''}`} role="group" aria-label={t('condition.label', { position })}>
      <select
        aria-label={t('condition.criterion', { position })}
        value={condition.criterionId}
        aria-invalid={invalid && !criterion}
        onChange={(e) => {
          const next = props.catalog.get(e.target.value);
          if (next) dispatch({ type: 'setCriterion', ...at, criterion: next });
        }}
      >
        {criterion === undefined ? <option value={condition.criterionId}>{condition.criterionId === '' ? t('condition.chooseCriterion') : t('condition.unknownCriterion', { id: condition.criterionId })}</option> : null}
        {[...groups.entries()].map(([type, list]) => (
          <optgroup key={type} label={type}>
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <select aria-label={t('condition.operator', { position })} value={condition.operator} disabled={!criterion} onChange={(e) => dispatch({ type: 'setOperator', ...at, operator: e.target.value, ...(criterion === undefined ? {} : { criterion }) })}>
        {operators.includes(condition.operator) ? null : <option value={condition.operator}>{condition.operator === '' ? '—' : condition.operator}</option>}
        {operators.map((op) => (
          <option key={op} value={op}>
            {operatorLabel(t.translator, op)}
          </option>
        ))}
      </select>
      <span className="condition-value">{criterion ? <ValueInput {...props} criterion={criterion} invalid={invalid} issueId={issueId} /> : null}</span>
      <button type="button" className="icon-button" aria-label={t('condition.removeLabel', { position })} title={t('condition.removeHint')} onClick={() => dispatch({ type: 'removeCondition', ...at })}>
        ✕
      </button>
      <p id={issueId} className="condition-issue">
        {props.issue === null ? '' : t.message(props.issue)}
      </p>
    </div>
  );
}

function ValueInput(props: ConditionRowProps & { criterion: Criterion; invalid: boolean; issueId: string }): ReactNode {
  const t = useWords();
  const { condition, criterion, dispatch, position } = props;
  const at = { stanzaKey: props.stanzaKey, conditionKey: condition.key };
  const kind = valueKindFor(criterion, condition.operator);
  const common = { 'aria-invalid': props.invalid, 'aria-describedby': props.issueId };
  const set = (index: number, value: string): void => dispatch({ type: 'setValue', ...at, index, value });
  switch (kind) {
    case 'none':
      return null;
    case 'choices':
      if (criterion.options && criterion.options.length > 0) {
        return (
          <MultiSelect
            label={t('condition.value', { position })}
            options={criterion.options}
            values={condition.values}
            onChange={(values) => dispatch({ type: 'setValues', ...at, values })}
            invalid={props.invalid}
            describedBy={props.issueId}
          />
        );
      }
      return (
        <input
          type="text"
          aria-label={t('condition.value', { position })}
          placeholder={t('condition.commaSeparated')}
          value={condition.values.join(', ')}
          onChange={(e) => dispatch({ type: 'setValues', ...at, values: e.target.value.split(',').map((v) => v.trimStart()) })}
          {...common}
        />
      );
    case 'text':
    case 'any':
      return <input type="text" aria-label={t('condition.value', { position })} value={condition.values[0] ?? ''} onChange={(e) => set(0, e.target.value)} {...common} />;
    case 'number':
      return <input type="text" inputMode="decimal" aria-label={t('condition.value', { position })} value={condition.values[0] ?? ''} onChange={(e) => set(0, e.target.value)} {...common} />;
    case 'number_range':
      return (
        <span className="date-range">
          <input type="text" inputMode="decimal" aria-label={t('condition.from', { position })} value={condition.values[0] ?? ''} onChange={(e) => set(0, e.target.value)} {...common} />
          <span className="muted">{t('definition.and')}</span>
          <input type="text" inputMode="decimal" aria-label={t('condition.to', { position })} value={condition.values[1] ?? ''} onChange={(e) => set(1, e.target.value)} {...common} />
        </span>
      );
    case 'boolean':
      return (
        <select aria-label={t('condition.value', { position })} value={condition.values[0] ?? 'true'} onChange={(e) => set(0, e.target.value)} {...common}>
          <option value="true">{t('condition.boolean', { value: 'true' })}</option>
          <option value="false">{t('condition.boolean', { value: 'false' })}</option>
        </select>
      );
    case 'date':
    case 'date_range':
      return kind === 'date_range' ? (
        <span className="date-range">
          <input type="date" aria-label={t('condition.from', { position })} value={condition.values[0] ?? ''} onChange={(e) => set(0, e.target.value)} {...common} />
          <span className="muted">{t('definition.and')}</span>
          <input type="date" aria-label={t('condition.to', { position })} value={condition.values[1] ?? ''} onChange={(e) => set(1, e.target.value)} {...common} />
        </span>
      ) : (
        <input type="date" aria-label={t('condition.value', { position })} value={condition.values[0] ?? ''} onChange={(e) => set(0, e.target.value)} {...common} />
      );
    default:
      return missingCaseError(kind);
  }
}

/** The builder groups criteria by their category (`profile_property` → "Profile property"); unknown ones as sent, readably. */
function groupLabel(t: Words, type: string | null): string {
  if (type === null || type === '') return t('condition.group.other');
  const words = type.replace(/[_-]+/g, ' ').trim();
  return t('condition.group', { type, other: words.charAt(0).toUpperCase() + words.slice(1) });
}
