/**
 * The wizard's buttons. Before the summary: Cancel · the reason Next is disabled · Back ·
 * Next (Add on the overview, "Try again" after a lost answer). On the summary: View details ·
 * Close, both locked while an unstored value has not been confirmed as copied.
 */
import type { StepId } from './model';

interface WizardFooterProps {
  step: StepId;
  busy: boolean;
  /** The look-up after a lost answer is running: Try again must wait for it. */
  lookingUp: boolean;
  /** A lost answer was reported: the overview's button reads "Try again". */
  afterLostAnswer: boolean;
  /** Why Next is disabled, if it is. */
  reason: string | undefined;
  reasonId: string;
  /** Summary: closing is locked until the user confirms they copied the value. */
  locked: boolean;
  onCancel(): void;
  onBack(): void;
  onViewDetails(): void;
  onClose(): void;
}

export function WizardFooter({ step, busy, lookingUp, afterLostAnswer, reason, reasonId, locked, onCancel, onBack, onViewDetails, onClose }: WizardFooterProps) {
  if (step === 'summary') {
    return (
      <div className="wizard-footer">
        <span className="wizard-spacer" />
        <button type="button" className="btn" disabled={locked} onClick={onViewDetails}>
          View details
        </button>
        <button type="button" className="btn btn-primary" disabled={locked} onClick={onClose}>
          Close
        </button>
      </div>
    );
  }
  const valid = reason === undefined;
  return (
    <div className="wizard-footer">
      <button type="button" className="btn" onClick={onCancel} disabled={busy}>
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
        <button type="submit" className="btn btn-primary" disabled={busy || lookingUp}>
          {busy ? 'Adding…' : afterLostAnswer ? 'Try again' : 'Add'}
        </button>
      ) : (
        <button type="submit" className="btn btn-primary" disabled={!valid} aria-describedby={!valid ? reasonId : undefined}>
          Next
        </button>
      )}
    </div>
  );
}
