import { useEffect, useId, useMemo, useState } from 'react';
import type { TokenView } from '../../../../common/contract';
import { TOKEN_DESCRIPTION_MAX, TOKEN_NAME_MAX } from '../../../../common/limits';
import { DeskError } from '../../../../common/errors';
import { desk } from '../../desk';
import { useShellStore } from '../../stores/shell-store';
import { useTokensStore } from '../../stores/tokens-store';
import { errorMessage } from '../../error-message';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';

type Fields = Record<string, string[]>;
const FIELD_ALIASES: Record<string, 'name' | 'description' | 'modules' | 'icon'> = {
  name: 'name',
  description: 'description',
  modules: 'modules',
  moduleIds: 'modules',
  icon: 'icon',
};

function normaliseFields(fields: Fields | undefined): { byField: Fields; other: string[] } {
  const byField: Fields = {};
  const other: string[] = [];
  for (const [key, messages] of Object.entries(fields ?? {})) {
    const alias = FIELD_ALIASES[key.split(/[.[]/)[0] ?? key];
    if (alias) byField[alias] = [...(byField[alias] ?? []), ...messages];
    else other.push(...messages.map((m) => `${key}: ${m}`));
  }
  return { byField, other };
}

export function validateEdit(name: string, description: string, moduleIds: readonly string[]): Fields {
  const fields: Fields = {};
  if (!name.trim()) fields.name = ['Enter a name.'];
  else if (name.trim().length > TOKEN_NAME_MAX) fields.name = [`Use at most ${TOKEN_NAME_MAX} characters.`];
  if (description.trim().length > TOKEN_DESCRIPTION_MAX) fields.description = [`Use at most ${TOKEN_DESCRIPTION_MAX} characters.`];
  if (moduleIds.length === 0) fields.modules = ['Choose at least one module.'];
  return fields;
}

function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(' ')}
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
  const [fields, setFields] = useState<Fields>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [latest, setLatest] = useState<TokenView | null>(null);
  const [saving, setSaving] = useState(false);
  const catalogue = useTokensStore((s) => s.modules);
  const [modulesError, setModulesError] = useState<string | null>(null);

  useEffect(() => {
    useTokensStore
      .getState()
      .loadModules()
      .catch((e: unknown) => setModulesError(errorMessage(e, 'Could not load the module list.')));
  }, []);

  const options = useMemo(() => {
    const list = new Map<string, { id: string; name: string; description?: string | null | undefined }>();
    for (const m of catalogue ?? []) list.set(m.id, { id: m.id, name: m.name ?? m.id, description: m.description });
    for (const m of [...token.modules, ...(latest?.modules ?? [])]) if (!list.has(m.id)) list.set(m.id, { id: m.id, name: m.name ?? m.id, description: m.description });
    return [...list.values()];
  }, [catalogue, token.modules, latest]);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const local = validateEdit(name, description, moduleIds);
    setFields(local);
    setFormError(null);
    setOtherErrors([]);
    if (Object.keys(local).length > 0) return;
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
        const { byField, other } = normaliseFields(DeskError.is(error) ? error.fields : undefined);
        setFields(byField);
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

  const err = (f: string) => `${base}-${f}-error`;
  const formId = `${base}-form`;
  return (
    <Dialog
      title={`Edit “${token.name}”`}
      onClose={onClose}
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
        <label className="field">
          <span className="field-label">Name (required)</span>
          <input
            value={name}
            maxLength={TOKEN_NAME_MAX + 50}
            required
            aria-invalid={fields.name ? true : undefined}
            aria-describedby={fields.name ? err('name') : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <span className="muted small">
            {name.trim().length} / {TOKEN_NAME_MAX}
          </span>
        </label>
        <FieldError id={err('name')} messages={fields.name} />
        <label className="field">
          <span className="field-label">Description</span>
          <textarea
            value={description}
            rows={3}
            aria-invalid={fields.description ? true : undefined}
            aria-describedby={fields.description ? err('description') : undefined}
            onChange={(e) => setDescription(e.target.value)}
          />
          <span className="muted small">
            {description.trim().length} / {TOKEN_DESCRIPTION_MAX}
          </span>
        </label>
        <FieldError id={err('description')} messages={fields.description} />
        <fieldset className="module-choices" aria-describedby={fields.modules ? err('modules') : undefined} aria-invalid={fields.modules ? true : undefined}>
          <legend>Modules (at least one)</legend>
          {modulesError ? <p className="muted">{modulesError} Showing the token&apos;s current modules.</p> : null}
          {options.map((m) => (
            <label key={m.id} className="check">
              <input
                type="checkbox"
                checked={moduleIds.includes(m.id)}
                onChange={(e) => setModuleIds((ids) => (e.target.checked ? [...ids, m.id] : ids.filter((x) => x !== m.id)))}
              />
              <span>
                {m.name} <span className="muted">{m.id}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <FieldError id={err('modules')} messages={fields.modules} />
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
        <FieldError id={err('icon')} messages={fields.icon} />
      </form>
    </Dialog>
  );
}
