import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { TokenView } from '../../../../common/contract';
import type { Module } from '../../../../common/domain';
import { DeskError } from '../../../../common/errors';
import { splitFieldErrors, tokenFormErrors } from '../../../../common/token-fields';
import type { TokenFieldErrors, TokenFormField } from '../../../../common/token-fields';
import { desk } from '../../desk';
import { useShellStore } from '../../shell/shell-store';
import { useModulesStore } from './store/modules-store';
import { useTokensStore } from './store/tokens-store';
import { TokenTextField } from './TokenTextField';
import { errorMessage } from '../../error-message';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ModulesStep } from '../wizard/ModulesStep';
import type { ModulesLoad } from '../wizard/ModulesStep';

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

export function EditTokenDialog({ token, onClose }: { token: TokenView; onClose(): void }) {
  const base = useId();
  const [name, setName] = useState(token.name);
  const [description, setDescription] = useState(token.description ?? '');
  const [moduleIds, setModuleIds] = useState<string[]>(() => token.modules.map((m) => m.id));
  const [removeLogo, setRemoveLogo] = useState(false);
  const [revision, setRevision] = useState(token.revision);
  /** The API's field errors of the last save, each shown until its field is edited. */
  const [fields, setFields] = useState<TokenFieldErrors>({});
  /** Fields the user has typed in or left, or all of them after Save: their errors show (the wizard's timing). */
  const [touched, setTouched] = useState<ReadonlySet<TokenFormField>>(() => new Set());
  const touch = (...list: TokenFormField[]) => setTouched((t) => (list.every((f) => t.has(f)) ? t : new Set([...t, ...list])));
  const edited = (field: TokenFormField) => setFields(({ [field]: _gone, ...rest }) => rest);
  const [formError, setFormError] = useState<string | null>(null);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [latest, setLatest] = useState<TokenView | null>(null);
  const [saving, setSaving] = useState(false);
  const catalogue = useModulesStore((s) => s.modules);
  const source = useModulesStore((s) => s.source);
  const partial = useModulesStore((s) => s.partial);
  const [modulesError, setModulesError] = useState<string | null>(null);

  const loadModules = useCallback(() => {
    setModulesError(null);
    useModulesStore
      .getState()
      .load()
      .catch((e: unknown) => setModulesError(errorMessage(e, 'Could not load the module list.')));
  }, []);
  useEffect(loadModules, [loadModules]);

  // The wizard's Modules step, on the catalogue plus the token's own modules (and those of a
  // newer version), so a module the catalogue does not list can still be kept or removed.
  const modulesLoad = useMemo((): ModulesLoad => {
    if (modulesError) return { status: 'error', message: modulesError };
    if (!catalogue) return { status: 'loading' };
    const list: Module[] = [...catalogue];
    for (const m of [...token.modules, ...(latest?.modules ?? [])]) if (!list.some((x) => x.id === m.id)) list.push({ ...m });
    return { status: 'ready', modules: list, source, partial };
  }, [catalogue, source, partial, modulesError, token.modules, latest]);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    touch('name', 'description', 'modules');
    setFields({});
    setFormError(null);
    setOtherErrors([]);
    if (Object.keys(tokenFormErrors({ name, description, moduleIds })).length > 0) return;
    setSaving(true);
    try {
      const input: Parameters<typeof desk.call<'tokens.update'>>[1] = { id: token.id, name: name.trim(), description: description.trim(), moduleIds };
      if (revision !== undefined) input.revision = revision;
      if (removeLogo) input.icon = null;
      const updated = await desk.call('tokens.update', input);
      useTokensStore.getState().applyToken(updated);
      useShellStore.getState().pushNotice({ level: 'success', message: `Saved “${updated.name}”.` });
      onClose();
    } catch (error) {
      if (DeskError.is(error) && error.code === 'conflict') {
        setConflict(true);
        setFormError(null);
      } else {
        const { known, other } = splitFieldErrors(DeskError.is(error) ? error.fields : undefined);
        setFields(known);
        touch(...(Object.keys(known) as TokenFormField[]));
        setOtherErrors(other);
        setFormError(errorMessage(error, 'Could not save the token.'));
      }
    } finally {
      setSaving(false);
    }
  }

  async function loadLatest() {
    try {
      const fresh = await desk.call('tokens.get', { id: token.id });
      useTokensStore.getState().applyToken(fresh);
      setLatest(fresh);
      setRevision(fresh.revision);
      setConflict(false);
    } catch (error) {
      setFormError(errorMessage(error, 'Could not load the latest version.'));
    }
  }

  const local = tokenFormErrors({ name, description, moduleIds });
  const shown: TokenFieldErrors = {};
  for (const f of ['name', 'description', 'modules', 'icon'] as const) {
    const message = fields[f] ?? local[f as Exclude<TokenFormField, 'icon'>];
    if (message && (touched.has(f) || fields[f])) shown[f] = message;
  }
  const err = (f: string) => `${base}-${f}-error`;
  const formId = `${base}-form`;
  return (
    <Dialog
      title={`Edit “${token.name}”`}
      onClose={onClose}
      closeLabel="Close without saving"
      wide
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId} disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={(e) => void save(e)} noValidate className="tk-form">
        {conflict ? (
          <div className="banner banner-warning" role="alert">
            <span>
              Someone changed this token after you opened it, so your changes were not saved. Load the latest version: your typed values stay
              here so you can compare them and save again.
            </span>
            <Button size="small" onClick={() => void loadLatest()}>
              Load latest version
            </Button>
          </div>
        ) : null}
        {latest ? (
          <section className="latest-version" aria-label="Latest saved version">
            <h3>Latest saved version (revision {latest.revision ?? '—'})</h3>
            <dl className="facts">
              <dt>Name</dt>
              <dd>{latest.name}</dd>
              <dt>Description</dt>
              <dd>{latest.description || <span className="muted">None</span>}</dd>
              <dt>Modules</dt>
              <dd>{latest.modules.map((m) => m.name ?? m.id).join(', ')}</dd>
              <dt>Status</dt>
              <dd>{latest.status}</dd>
            </dl>
            <p className="muted">The form still shows your values. Save to apply them over this version.</p>
          </section>
        ) : null}
        {formError ? (
          <p className="error-text" role="alert">
            {formError}
            {otherErrors.length ? ` ${otherErrors.join(' ')}` : ''}
          </p>
        ) : null}
        <TokenTextField
          kind="name"
          value={name}
          onChange={(v) => {
            setName(v);
            edited('name');
            touch('name');
          }}
          onBlur={() => touch('name')}
          error={shown.name}
        />
        <TokenTextField
          kind="description"
          value={description}
          onChange={(v) => {
            setDescription(v);
            edited('description');
            touch('description');
          }}
          onBlur={() => touch('description')}
          error={shown.description}
        />
        <ModulesStep
          load={modulesLoad}
          selected={moduleIds}
          error={shown.modules}
          touched={touched.has('modules') || Boolean(fields.modules)}
          onChange={(ids) => {
            setModuleIds(ids);
            edited('modules');
            touch('modules');
          }}
          onRetry={loadModules}
        />
        {token.icon ? (
          <fieldset className="logo-choice">
            <legend>Logo</legend>
            <label className="check">
              <input type="radio" name={`${base}-logo`} checked={!removeLogo} onChange={() => setRemoveLogo(false)} /> Keep the logo
            </label>
            <label className="check">
              <input type="radio" name={`${base}-logo`} checked={removeLogo} onChange={() => setRemoveLogo(true)} /> Remove the logo
            </label>
          </fieldset>
        ) : null}
        <FieldError id={err('icon')} message={shown.icon} />
      </form>
    </Dialog>
  );
}
