/**
 * A searchable multi-select: the chosen values as chips (each removable), a text box that filters the
 * options, and a list to pick from by click or keyboard (↑ ↓ Enter, Backspace removes the last chip,
 * Escape closes). No Ctrl-click, and it scales to long option lists (WAI-ARIA combobox + listbox).
 */
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { foldedIncludes } from '../../src-shared/text-fold';
import { useWords } from '../i18n/use-words';
import { Highlight } from './highlight';

/** One choice. */
export interface MultiSelectOption {
  value: string;
  label: string;
}

/** Props of the multi-select. */
export interface MultiSelectProps {
  /** The accessible name of the text box (e.g. "Value 1.1"). */
  label: string;
  options: readonly MultiSelectOption[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
}

/** The multi-select. */
export function MultiSelect(props: MultiSelectProps): ReactNode {
  const t = useWords();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const labelOf = useMemo(() => new Map(props.options.map((o) => [o.value, o.label])), [props.options]);
  const chosen = new Set(props.values);
  const wanted = query.trim();
  const matching = props.options.filter((o) => wanted === '' || foldedIncludes(o.label, wanted) || foldedIncludes(o.value, wanted));
  const current = matching[Math.min(active, matching.length - 1)];

  const toggle = (value: string): void => {
    props.onChange(chosen.has(value) ? props.values.filter((v) => v !== value) : [...props.values, value]);
    setQuery('');
    setActive(0);
    input.current?.focus();
  };

  return (
    <div className={`multi-select${open ? ' open' : ''}`} aria-invalid={props.invalid}>
      <div className="multi-select-box" onMouseDown={(e) => e.target === e.currentTarget && (e.preventDefault(), input.current?.focus())}>
        {props.values.map((value) => (
          <span key={value} className="chip">
            {labelOf.get(value) ?? value}
            <button type="button" className="chip-remove" aria-label={t('multiSelect.remove', { value: labelOf.get(value) ?? value })} onClick={() => toggle(value)}>
              ×
            </button>
          </span>
        ))}
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-label={props.label}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && current ? `${listId}-${current.value}` : undefined}
          aria-invalid={props.invalid}
          aria-describedby={props.describedBy}
          placeholder={props.values.length === 0 ? (props.placeholder ?? t('multiSelect.placeholder')) : ''}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setOpen(true);
              setActive((a) => Math.min(a + 1, Math.max(0, matching.length - 1)));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === 'Enter') {
              if (open && current) {
                e.preventDefault();
                toggle(current.value);
              }
            } else if (e.key === 'Escape') {
              if (open) {
                e.preventDefault();
                setOpen(false);
              }
            } else if (e.key === 'Backspace' && query === '' && props.values.length > 0) {
              props.onChange(props.values.slice(0, -1));
            }
          }}
        />
      </div>
      {open ? (
        <ul className="multi-select-list" id={listId} role="listbox" aria-label={t('multiSelect.choices', { label: props.label })} aria-multiselectable="true">
          {matching.length === 0 ? <li className="muted small multi-select-empty">{t('multiSelect.noMatch', { query: wanted })}</li> : null}
          {matching.map((o) => (
            <li
              key={o.value}
              id={`${listId}-${o.value}`}
              role="option"
              aria-selected={chosen.has(o.value)}
              className={o === current ? 'active' : undefined}
              // mousedown, not click: the text box keeps focus, so the list stays open for the next pick.
              onMouseDown={(e) => {
                e.preventDefault();
                toggle(o.value);
              }}
            >
              <span className="multi-select-check" aria-hidden="true">
                {chosen.has(o.value) ? '✓' : ''}
              </span>
              <span>
                <Highlight text={o.label} query={query} />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
