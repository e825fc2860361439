/**
 * The Add API token wizard (issue 6), also used to rotate a token. Mounted once in App.tsx;
 * it opens when the wizard bridge (stores/wizard-bridge.ts) says so.
 *
 * Steps: 1 General · 2 Modules · 3 Overview (Add) · 4 Summary (the value, once).
 * - Next is disabled until the step is valid; the reason is shown at the field.
 * - API field errors take the user back to the step and field they belong to.
 * - Add is disabled while the request is in flight; a create is never retried by itself:
 *   after a lost answer the wizard looks for the token (tokens.findRecent) and shows what it
 *   found before it offers "Try again".
 * - Closing with input asks first; the summary cannot be closed before an unstored value
 *   has been copied.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { KeyboardEvent } from 'react';
import type { CallInput, TokenView } from '../../../../common/contract';
import type { Module } from '../../../../common/domain';
import { DeskError } from '../../../../common/errors';
import { desk } from '../../desk';
import { useShellStore } from '../../stores/shell-store';
import { useTokensUiStore } from '../../stores/tokens-ui-store';
import { useWizardBridge } from '../../stores/wizard-bridge';
import { focusSoon, trapTab, useModalBackground } from './focus';
import { GeneralStep } from './GeneralStep';
import { isLostAnswer, readLogo, splitFieldErrors, stepErrors, STEPS, stepOfField, timeOf } from './model';
import type { Draft, StepId, WizardField } from './model';
import { ModulesStep } from './ModulesStep';
import type { ModulesLoad } from './ModulesStep';
import { OverviewStep } from './OverviewStep';
import { SummaryStep } from './SummaryStep';
import type { CreateResult } from './SummaryStep';
import { notifyTokenCreated } from './notify';

export const LOOKUP_MINUTES = 15;

/** Mount once (App.tsx). Renders nothing until the bridge opens it. */
export function AddTokenWizard() {
  const open = useWizardBridge((s) => s.open);
  const mode = useWizardBridge((s) => s.mode);
  const token = useWizardBridge((s) => s.token);
  if (!open) return null;
  return <WizardDialog key={`${mode}:${token?.id ?? ''}`} mode={mode} token={mode === 'rotate' ? token : undefined} />;
}

type Lost = { status: 'searching' } | { status: 'done'; found: TokenView[] } | { status: 'failed'; message: string };

const messageOf = (e: unknown) => (DeskError.is(e) || e instanceof Error ? e.message : String(e));

function initialDraft(token: TokenView | undefined): Draft {
  return {
    name: token?.name ?? '',
    description: token?.description ?? '',
    moduleIds: token ? token.modules.map((m) => m.id) : [],
    logo: null,
  };
}

function WizardDialog({ mode, token }: { mode: 'create' | 'rotate'; token: TokenView | undefined }) {
  useModalBackground();
  const closeWizard = useWizardBridge((s) => s.closeWizard);
  const titleId = useId();
  const stepHeadingId = useId();
  const reasonId = useId();
  const initial = useMemo(() => initialDraft(token), [token]);

  const [step, setStep] = useState<StepId>('general');
  const [draft, setDraft] = useState<Draft>(initial);
  const [touched, setTouched] = useState<ReadonlySet<WizardField>>(new Set());
  const [serverErrors, setServerErrors] = useState<Partial<Record<WizardField, string>>>({});
  const [logoError, setLogoError] = useState<string>();
  const [modulesLoad, setModulesLoad] = useState<ModulesLoad>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [createError, setCreateError] = useState<string>();
  const [lost, setLost] = useState<Lost | null>(null);
  const [result, setResult] = useState<CreateResult | null>(null);
  const [copiedConfirmed, setCopiedConfirmed] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [closeHint, setCloseHint] = useState<string>();

  const dialogRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  const iconRef = useRef<HTMLButtonElement>(null);
  const firstModuleRef = useRef<HTMLInputElement>(null);
  const keepEditingRef = useRef<HTMLButtonElement>(null);
  /** What to focus after the next step change (a field after an API error; else the heading). */
  const focusNext = useRef<WizardField | 'heading' | null>('name');

  // ---- modules ------------------------------------------------------------------------
  const loadModules = useCallback(() => {
    setModulesLoad({ status: 'loading' });
    desk.call('tokens.modules').then(
      (r) => {
        const list: Module[] = [...r.modules];
        // Rotation: keep the old token's modules even if the list does not show them.
        for (const m of token?.modules ?? []) if (!list.some((x) => x.id === m.id)) list.push({ ...m });
        setModulesLoad({ status: 'ready', modules: list, source: r.source, partial: r.partial });
      },
      (e: unknown) => setModulesLoad({ status: 'error', message: messageOf(e) }),
    );
  }, [token]);
  useEffect(loadModules, [loadModules]);

  // ---- focus on step change (not on data loads: that would steal focus from a field) ---------
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    const refs = { name: nameRef, description: descriptionRef, icon: iconRef, modules: firstModuleRef, heading: headingRef };
    const ref = target ? refs[target] : headingRef;
    focusSoon(ref.current ? ref : headingRef);
  }, [step]);

  // ---- validity -----------------------------------------------------------------------
  const errors = stepErrors(step, draft, serverErrors);
  const reason = Object.values(errors)[0];
  const valid = reason === undefined;
  const displayErrors = logoError && !errors.icon ? { ...errors, icon: logoError } : errors;

  const dirty =
    step !== 'general' ||
    draft.logo !== null ||
    draft.name !== initial.name ||
    draft.description !== initial.description ||
    draft.moduleIds.join(',') !== initial.moduleIds.join(',');

  const touch = (field: WizardField) => setTouched((t) => (t.has(field) ? t : new Set([...t, field])));
  const clearServer = (field: WizardField) => setServerErrors((s) => (s[field] ? { ...s, [field]: undefined } : s));
  const edit = (patch: Partial<Draft>, field: WizardField) => {
    setDraft((d) => ({ ...d, ...patch }));
    touch(field);
    clearServer(field);
  };

  const goTo = (next: StepId, focus: WizardField | 'heading' = 'heading') => {
    focusNext.current = focus;
    setStep(next);
    if (next === step) focusSoon(focus === 'heading' ? headingRef : { name: nameRef, description: descriptionRef, icon: iconRef, modules: firstModuleRef }[focus]);
  };

  const onNext = () => {
    if (!valid) {
      // Enter on an invalid step: show the reason as an error and put the user on the field.
      const field = Object.keys(errors)[0] as WizardField;
      touch(field);
      goTo(step, field);
      return;
    }
    if (step === 'general') goTo('modules');
    else if (step === 'modules') goTo('overview');
    else if (step === 'overview') void add();
  };
  const onBack = () => {
    if (step === 'modules') goTo('general');
    else if (step === 'overview') goTo('modules');
  };

  // ---- logo -----------------------------------------------------------------------------
  const onLogoFile = async (file: File) => {
    const read = await readLogo(file);
    clearServer('icon');
    if ('error' in read) {
      setLogoError(read.error);
      return;
    }
    setLogoError(undefined);
    setDraft((d) => ({ ...d, logo: read.logo }));
  };

  // ---- create ---------------------------------------------------------------------------
  const lookup = async (name: string) => {
    setLost({ status: 'searching' });
    try {
      const { tokens } = await desk.call('tokens.findRecent', { name, withinMinutes: LOOKUP_MINUTES });
      setLost({ status: 'done', found: tokens });
    } catch (e) {
      setLost({ status: 'failed', message: messageOf(e) });
    }
  };

  const add = async () => {
    if (busy) return;
    setBusy(true);
    setCreateError(undefined);
    setLost(null);
    const input: CallInput<'tokens.create'> = {
      name: draft.name.trim(),
      description: draft.description.trim(),
      moduleIds: draft.moduleIds,
      ...(draft.logo ? { icon: { fileName: draft.logo.fileName, mimeType: draft.logo.mimeType, dataBase64: draft.logo.dataBase64 } } : {}),
      ...(mode === 'rotate' && token ? { rotatesId: token.id } : {}),
    };
    try {
      const created = await desk.call('tokens.create', input);
      setResult(created);
      focusNext.current = 'heading';
      setStep('summary');
      notifyTokenCreated(created.token, mode === 'rotate' ? token : undefined);
    } catch (e) {
      const error = DeskError.is(e) ? e : new DeskError({ code: 'internal', message: messageOf(e) });
      if (isLostAnswer(error)) {
        setBusy(false);
        await lookup(input.name);
        return;
      }
      const { known, other } = splitFieldErrors(error.fields);
      const fields = Object.keys(known) as WizardField[];
      if (fields.length > 0) {
        setServerErrors(known);
        setTouched((t) => new Set([...t, ...fields]));
        if (other.length > 0) setCreateError(other.join(' '));
        const order: WizardField[] = ['icon', 'name', 'description', 'modules'];
        const first = order.find((f) => known[f]) ?? fields[0]!;
        goTo(stepOfField(first) ?? 'general', first);
      } else {
        setCreateError(error.message);
      }
    } finally {
      setBusy(false);
    }
  };

  // ---- closing --------------------------------------------------------------------------
  const finish = () => closeWizard();
  const requestClose = () => {
    if (busy) {
      setCloseHint('The token is being created. Wait for the answer: its value is shown only once.');
      return;
    }
    if (step === 'summary') {
      if (result && !result.stored && !copiedConfirmed) {
        setCloseHint('Copy the value first and tick “I have copied the value”: it could not be stored and will not be shown again.');
        return;
      }
      finish();
      return;
    }
    if (dirty) {
      setConfirmDiscard(true);
      focusSoon(keepEditingRef);
      return;
    }
    finish();
  };
  const keepEditing = () => {
    setConfirmDiscard(false);
    focusSoon(headingRef);
  };

  const viewToken = (id: string) => {
    useShellStore.getState().setView('home');
    useTokensUiStore.getState().openDetails(id);
    finish();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (confirmDiscard) keepEditing();
      else requestClose();
      return;
    }
    trapTab(e, confirmDiscard ? confirmRef.current : dialogRef.current);
  };

  // ---- render ---------------------------------------------------------------------------
  const title = mode === 'rotate' && token ? `Rotate ${token.name}` : 'Add API token';
  const stepIndex = STEPS.findIndex((s) => s.id === step);
  const stepLabel = STEPS[stepIndex]!.label;
  const modules = modulesLoad.status === 'ready' ? modulesLoad.modules : [];
  const locked = step === 'summary' && !!result && !result.stored && !copiedConfirmed;
  const lookingUp = lost?.status === 'searching';

  // A portal to <body>, so the app behind (#root) can be made inert while the wizard is open.
  return createPortal(
    <div className="wizard-backdrop">
      <div ref={dialogRef} className="wizard" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <div className="wizard-inner" inert={confirmDiscard}>
          <header className="wizard-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="wizard-x" aria-label="Close the wizard" onClick={requestClose}>
              ×
            </button>
          </header>
          <ol className="wizard-steps" aria-label="Steps">
            {STEPS.map((s, i) => (
              <li key={s.id} aria-current={s.id === step ? 'step' : undefined} className={i < stepIndex ? 'done' : s.id === step ? 'current' : ''}>
                <span aria-hidden="true">{i + 1}</span> {s.label}
              </li>
            ))}
          </ol>
          <form
            className="wizard-body"
            noValidate
            aria-labelledby={stepHeadingId}
            onSubmit={(e) => {
              e.preventDefault();
              if (step !== 'summary' && !busy && !lookingUp) onNext();
            }}
          >
            <h3 id={stepHeadingId} ref={headingRef} tabIndex={-1} className="wizard-step-title">
              {stepIndex + 1}. {stepLabel}
            </h3>

            {step === 'general' && (
              <GeneralStep
                draft={draft}
                errors={displayErrors}
                touched={touched}
                logoNote={mode === 'rotate' && token?.icon ? "The old token's logo is not copied: choose it again if the new token should have one." : undefined}
                onName={(name) => edit({ name }, 'name')}
                onDescription={(description) => edit({ description }, 'description')}
                onLogoFile={(file) => void onLogoFile(file)}
                onRemoveLogo={() => {
                  setDraft((d) => ({ ...d, logo: null }));
                  setLogoError(undefined);
                  clearServer('icon');
                  focusSoon(iconRef);
                }}
                refs={{ name: nameRef, description: descriptionRef, icon: iconRef }}
              />
            )}
            {step === 'modules' && (
              <ModulesStep
                load={modulesLoad}
                selected={draft.moduleIds}
                error={errors.modules}
                touched={touched.has('modules')}
                onChange={(moduleIds) => edit({ moduleIds }, 'modules')}
                onRetry={loadModules}
                firstRef={firstModuleRef}
              />
            )}
            {step === 'overview' && (
              <>
                <OverviewStep draft={draft} modules={modules} onEdit={(s) => goTo(s)} />
                {createError && (
                  <p role="alert" className="wizard-alert wizard-alert-danger">
                    {createError}
                  </p>
                )}
                {lost && (
                  <LostAnswer
                    name={draft.name.trim()}
                    lost={lost}
                    rotates={mode === 'rotate' ? token : undefined}
                    onView={viewToken}
                    onLookAgain={() => void lookup(draft.name.trim())}
                  />
                )}
              </>
            )}
            {step === 'summary' && result && (
              <SummaryStep result={result} oldToken={mode === 'rotate' ? token : undefined} copiedConfirmed={copiedConfirmed} onConfirmCopied={(v) => {
                setCopiedConfirmed(v);
                if (v) setCloseHint(undefined);
              }} />
            )}

            {closeHint && (
              <p role="alert" className="field-error">
                {closeHint}
              </p>
            )}

            <footer className="wizard-footer">
              {step !== 'summary' ? (
                <>
                  <button type="button" className="btn" onClick={requestClose} disabled={busy}>
                    Cancel
                  </button>
                  <span className="wizard-spacer" />
                  {!valid && step !== 'overview' && (
                    <span id={reasonId} className="wizard-reason">
                      {reason}
                    </span>
                  )}
                  {step !== 'general' && (
                    <button type="button" className="btn" onClick={onBack} disabled={busy}>
                      Back
                    </button>
                  )}
                  {step === 'overview' ? (
                    <button type="submit" className="btn btn-primary" disabled={busy || lookingUp} aria-describedby={lookingUp ? reasonId : undefined}>
                      {busy ? 'Adding…' : lost ? 'Try again' : 'Add'}
                    </button>
                  ) : (
                    <button type="submit" className="btn btn-primary" disabled={!valid} aria-describedby={!valid ? reasonId : undefined}>
                      Next
                    </button>
                  )}
                </>
              ) : (
                <>
                  <span className="wizard-spacer" />
                  <button type="button" className="btn" disabled={locked} onClick={() => result && viewToken(result.token.id)}>
                    View details
                  </button>
                  <button type="button" className="btn btn-primary" disabled={locked} onClick={requestClose}>
                    Close
                  </button>
                </>
              )}
            </footer>
          </form>
        </div>

        {confirmDiscard && (
          <div ref={confirmRef} className="wizard-confirm-discard" role="alertdialog" aria-modal="true" aria-labelledby={`${titleId}-discard`} aria-describedby={`${titleId}-discard-text`}>
            <h3 id={`${titleId}-discard`}>{mode === 'rotate' ? 'Discard this rotation?' : 'Discard this new token?'}</h3>
            <p id={`${titleId}-discard-text`}>What you entered will be lost. No token has been created.</p>
            <div className="form-actions">
              <button ref={keepEditingRef} type="button" className="btn" onClick={keepEditing}>
                Keep editing
              </button>
              <button type="button" className="btn btn-danger" onClick={finish}>
                Discard
              </button>
            </div>
          </div>
        )}
      </div>
    </div>,
    document.body,
  );
}

interface LostAnswerProps {
  name: string;
  lost: Lost;
  /** Rotate mode: the token being replaced, so a found token can be recorded as its replacement. */
  rotates?: TokenView;
  onView(id: string): void;
  onLookAgain(): void;
}

function LostAnswer({ name, lost, rotates, onView, onLookAgain }: LostAnswerProps) {
  const [linked, setLinked] = useState<Record<string, string>>({});
  const link = async (newId: string) => {
    if (!rotates) return;
    try {
      await desk.call('tokens.link', { oldId: rotates.id, newId });
      setLinked((l) => ({ ...l, [newId]: `Recorded ${newId} as the replacement of “${rotates.name}”.` }));
    } catch (e) {
      setLinked((l) => ({ ...l, [newId]: `Could not record the link: ${messageOf(e)}` }));
    }
  };
  return (
    <div className="wizard-alert wizard-lost">
      <p role="alert">
        <strong>The answer was lost</strong> before it reached Token Desk, so the token may or may not have been created. Token Desk
        looks for it before you try again.
      </p>
      {lost.status === 'searching' && <p role="status">Looking for a token named “{name}” created in the last {LOOKUP_MINUTES} minutes…</p>}
      {lost.status === 'failed' && (
        <div role="status">
          <p>Token Desk could not check whether it was created: {lost.message} Look in the token list before you try again.</p>
          <button type="button" className="btn" onClick={onLookAgain}>
            Look again
          </button>
        </div>
      )}
      {lost.status === 'done' && lost.found.length === 0 && (
        <p role="status">No token named “{name}” was created in the last {LOOKUP_MINUTES} minutes. It is safe to try again.</p>
      )}
      {lost.status === 'done' && lost.found.length > 0 && (
        <div role="status">
          <ul className="wizard-found">
            {lost.found.map((t) => (
              <li key={t.id}>
                A token named “{t.name}” was created at {timeOf(t.audit?.created?.at)} ({t.id}).{' '}
                <button type="button" className="link" onClick={() => onView(t.id)}>
                  View {t.id}
                </button>
                {rotates &&
                  (linked[t.id] ? (
                    <span> {linked[t.id]}</span>
                  ) : (
                    <button type="button" className="link" onClick={() => void link(t.id)}>
                      Record it as the replacement of “{rotates.name}”
                    </button>
                  ))}
              </li>
            ))}
          </ul>
          <p>
            Its value cannot be recovered: the Marketplace shows a value only once, in the answer that was lost. If you need the value,
            disable or delete that token and try again.
          </p>
        </div>
      )}
    </div>
  );
}
