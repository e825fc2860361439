/**
 * The Add API token wizard. Mounted once in App.tsx;
 * it opens when the wizard bridge (wizard-bridge.ts) says so, on the app's one modal
 * (ui/Dialog.tsx).
 *
 * Steps: 1 General · 2 Modules · 3 Overview (Add) · 4 Summary (the value, once).
 * - Next is disabled until the step is valid; the reason is shown at the field.
 * - API field errors take the user back to the step and field they belong to.
 * - The create and the look-up after a lost answer: use-create-token.ts.
 * - Closing with input asks first; the summary cannot be closed before an unstored value
 *   has been copied.
 */
import { useId, useMemo, useReducer, useState } from 'react';
import { desk } from '../../desk';
import { useTokensUiStore } from '../tokens/store/tokens-ui-store';
import { useWizardBridge } from './wizard-bridge';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { draftChanged, draftReducer, initialDraftState } from './draft-reducer';
import { GeneralStep } from './GeneralStep';
import { LostAnswer } from './LostAnswer';
import { readLogo, stepErrors, STEPS, stepOfField } from './model';
import type { StepId, WizardField } from './model';
import { ModulesStep } from './ModulesStep';
import { OverviewStep } from './OverviewStep';
import { SummaryStep } from './SummaryStep';
import { useCreateToken } from './use-create-token';
import { useModules } from './use-modules';
import { useStepFocus } from './use-step-focus';
import type { FocusTarget } from './use-step-focus';
import { WizardFooter } from './WizardFooter';

/** Mount once (App.tsx). Renders nothing until the bridge opens it. */
export function AddTokenWizard() {
  const open = useWizardBridge((s) => s.open);
  if (!open) return null;
  return <WizardDialog />;
}

/** When the API refuses several fields, the user is sent to the first of these. */
const FIELD_ORDER: WizardField[] = ['icon', 'name', 'description', 'modules'];

function WizardDialog() {
  const closeWizard = useWizardBridge((s) => s.closeWizard);
  const stepHeadingId = useId();
  const reasonId = useId();
  const initial = useMemo(() => initialDraftState(), []);

  const [step, setStep] = useState<StepId>('general');
  const [{ draft, touched, serverErrors, logoError }, dispatch] = useReducer(draftReducer, initial);
  const [copiedConfirmed, setCopiedConfirmed] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [closeHint, setCloseHint] = useState<string>();
  const modules = useModules();
  const focus = useStepFocus(step);

  const goTo = (next: StepId, target: FocusTarget = 'heading') => {
    focus.afterStepChange(target);
    setStep(next);
    if (next === step) focus.focus(target);
  };

  const create = useCreateToken({
    onCreated: () => goTo('summary'),
    onFieldErrors: (errors) => {
      dispatch({ type: 'serverErrors', errors });
      const first = FIELD_ORDER.find((f) => errors[f])!;
      goTo(stepOfField(first), first);
    },
  });
  const { busy, lost, result } = create;
  const lookingUp = lost?.status === 'searching';

  // ---- validity -----------------------------------------------------------------------
  const errors = stepErrors(step, draft, serverErrors);
  // What is wrong shows once the user has worked on a field (typed, left it, pressed Next):
  // an untouched step says nothing, and Next on it shows the errors at their fields.
  const reason = Object.entries(errors).find(([field]) => touched.has(field as WizardField))?.[1];
  const invalid = Object.keys(errors) as WizardField[];
  const displayErrors = logoError && !errors.icon ? { ...errors, icon: logoError } : errors;
  const locked = step === 'summary' && !!result && !result.stored && !copiedConfirmed;

  const onNext = () => {
    if (invalid.length > 0) {
      // Next (or Enter) on an invalid step: show every error of the step and put the user on the first field.
      for (const field of invalid) dispatch({ type: 'touch', field });
      goTo(step, invalid[0]!);
      return;
    }
    if (step === 'general') goTo('modules');
    else if (step === 'modules') goTo('overview');
    else if (step === 'overview') void create.add(draft);
  };
  const onBack = () => goTo(step === 'overview' ? 'modules' : 'general');

  const onLogoFile = async (file: File) => {
    const read = await readLogo(file);
    dispatch('error' in read ? { type: 'logoRefused', error: read.error } : { type: 'logoRead', logo: read.logo });
  };

  // ---- closing --------------------------------------------------------------------------
  const finish = () => {
    // Main keeps a value the keychain refused in memory, for Copy, only until the summary closes.
    if (result && !result.stored) void desk.call('values.forgetUnsaved', { id: result.token.id }).catch(() => undefined);
    closeWizard();
  };
  const requestClose = () => {
    if (busy) {
      setCloseHint('The token is being created. Wait for the answer: its value is shown only once.');
      return;
    }
    if (step === 'summary') {
      if (locked) {
        setCloseHint('Copy the value first and tick “I have copied the value”: it could not be stored and will not be shown again.');
        return;
      }
      finish();
      return;
    }
    if (step !== 'general' || draftChanged(draft, initial.draft)) setConfirmDiscard(true);
    else finish();
  };

  const viewToken = (id: string) => {
    useTokensUiStore.getState().openDetails(id);
    finish();
  };

  // ---- render ---------------------------------------------------------------------------
  const stepIndex = STEPS.findIndex((s) => s.id === step);

  return (
    <>
      <Dialog title="Add API token" onClose={requestClose} closeLabel="Close the wizard" className="wizard" initialFocus={focus.refs.name}>
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
          <h3 id={stepHeadingId} ref={focus.refs.heading} tabIndex={-1} className="wizard-step-title">
            {stepIndex + 1}. {STEPS[stepIndex]!.label}
          </h3>

          {step === 'general' && (
            <GeneralStep
              draft={draft}
              errors={displayErrors}
              touched={touched}
              onLeave={(field) => dispatch({ type: 'touch', field })}
              onName={(value) => dispatch({ type: 'edit', field: 'name', value })}
              onDescription={(value) => dispatch({ type: 'edit', field: 'description', value })}
              onLogoFile={(file) => void onLogoFile(file)}
              onRemoveLogo={() => {
                dispatch({ type: 'logoRemoved' });
                focus.focus('icon');
              }}
              refs={focus.refs}
            />
          )}
          {step === 'modules' && (
            <ModulesStep
              load={modules.load}
              selected={draft.moduleIds}
              error={touched.has('modules') ? errors.modules : undefined}
              touched={touched.has('modules')}
              onChange={(value) => dispatch({ type: 'edit', field: 'modules', value })}
              onRetry={modules.reload}
              firstRef={focus.refs.modules}
            />
          )}
          {step === 'overview' && (
            <>
              <OverviewStep draft={draft} modules={modules.load.status === 'ready' ? modules.load.modules : []} onEdit={(s) => goTo(s)} />
              {create.createError && (
                <p role="alert" className="wizard-alert wizard-alert-danger">
                  {create.createError}
                </p>
              )}
              {lost && (
                <LostAnswer name={draft.name.trim()} lost={lost} onView={viewToken} onLookAgain={() => void create.lookup(draft.name.trim())} />
              )}
            </>
          )}
          {step === 'summary' && result && (
            <SummaryStep
              result={result}
              copiedConfirmed={copiedConfirmed}
              onConfirmCopied={(copied) => {
                setCopiedConfirmed(copied);
                if (copied) setCloseHint(undefined);
              }}
            />
          )}

          {closeHint && (
            <p role="alert" className="field-error">
              {closeHint}
            </p>
          )}

          <WizardFooter
            step={step}
            busy={busy}
            lookingUp={lookingUp}
            afterLostAnswer={lost !== null}
            reason={reason}
            reasonId={reasonId}
            locked={locked}
            onCancel={requestClose}
            onBack={onBack}
            onViewDetails={() => result && viewToken(result.token.id)}
            onClose={requestClose}
          />
        </form>
      </Dialog>

      {confirmDiscard && (
        <ConfirmDialog
          role="alertdialog"
          title="Discard this new token?"
          confirmLabel="Discard"
          cancelLabel="Keep editing"
          danger
          onConfirm={finish}
          onCancel={() => setConfirmDiscard(false)}
        >
          <p>What you entered will be lost. No token has been created.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
