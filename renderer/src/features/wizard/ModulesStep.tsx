/**
 * Step 2, Modules: names and descriptions, a search box, select all (shown), at least one. The
 * Edit dialog uses it as its modules field, so choosing modules looks and works the same in both.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { Module } from '../../../../common/domain';

export type ModulesLoad =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; modules: Module[]; source: 'api' | 'derived'; partial: boolean };

interface ModulesStepProps {
  load: ModulesLoad;
  selected: readonly string[];
  error?: string;
  touched: boolean;
  onChange(ids: string[]): void;
  onRetry(): void;
  /** The first module's checkbox, for the wizard's step focus. */
  firstRef?: RefObject<HTMLInputElement | null>;
}

export const PARTIAL_NOTE =
  "This list may be partial: your account cannot read the full module catalogue, so Token Desk shows the modules on your account's tokens and the defaults for your account type.";

export function ModulesStep({ load, selected, error, touched, onChange, onRetry, firstRef }: ModulesStepProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const allRef = useRef<HTMLInputElement>(null);
  const modules = useMemo(() => (load.status === 'ready' ? load.modules : []), [load]);
  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return modules;
    return modules.filter((m) => `${m.name ?? ''} ${m.description ?? ''} ${m.id}`.toLowerCase().includes(q));
  }, [modules, query]);
  const chosen = new Set(selected);
  const shownChosen = visible.filter((m) => chosen.has(m.id)).length;
  const allShown = visible.length > 0 && shownChosen === visible.length;

  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = shownChosen > 0 && !allShown;
  }, [shownChosen, allShown]);

  const errorId = `${id}-error`;
  const toggle = (moduleId: string) => onChange(chosen.has(moduleId) ? selected.filter((x) => x !== moduleId) : [...selected, moduleId]);
  const toggleAll = () => {
    const shownIds = new Set(visible.map((m) => m.id));
    onChange(allShown ? selected.filter((x) => !shownIds.has(x)) : [...selected, ...visible.map((m) => m.id).filter((x) => !chosen.has(x))]);
  };

  if (load.status === 'loading') return <p role="status">Loading the modules your account may grant…</p>;
  if (load.status === 'error') {
    return (
      <div role="alert" className="wizard-alert">
        <p>The modules could not be loaded: {load.message}</p>
        <button type="button" className="btn" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }

  return (
    <div className="wizard-fields modules-picker">
      {(load.source === 'derived' || load.partial) && (
        <p className="wizard-note" role="note">
          {PARTIAL_NOTE}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-search`}>Search modules</label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          // Enter in the search box searches (it already does as you type); it must not jump to the next step.
          onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
          autoComplete="off"
        />
      </div>
      <fieldset className={error && touched ? 'field has-error' : 'field'} aria-describedby={error ? errorId : undefined}>
        <legend>Modules the token may access (at least one)</legend>
        <label className="wizard-check wizard-check-all">
          <input ref={allRef} type="checkbox" checked={allShown} disabled={visible.length === 0} onChange={toggleAll} aria-describedby={error ? errorId : undefined} />
          <span>{query.trim() ? `Select all shown (${visible.length})` : `Select all (${visible.length})`}</span>
        </label>
        {visible.length === 0 ? (
          <p className="muted">{modules.length === 0 ? 'Your account has no modules to grant.' : `No module matches “${query}”.`}</p>
        ) : (
          <ul className="wizard-modules">
            {visible.map((m, i) => (
              <li key={m.id}>
                <label className="wizard-check">
                  <input
                    ref={i === 0 ? firstRef : undefined}
                    type="checkbox"
                    checked={chosen.has(m.id)}
                    onChange={() => toggle(m.id)}
                    aria-describedby={[m.description ? `${id}-${m.id}-desc` : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined}
                  />
                  <span className="wizard-module-name">{m.name ?? m.id}</span>
                </label>
                {m.description && (
                  <p id={`${id}-${m.id}-desc`} className="muted wizard-module-desc">
                    {m.description}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
        <p className="muted" aria-live="polite">
          {selected.length} selected
        </p>
        {error && (
          <p id={errorId} className={touched ? 'field-error' : 'field-reason'}>
            {error}
          </p>
        )}
      </fieldset>
    </div>
  );
}
