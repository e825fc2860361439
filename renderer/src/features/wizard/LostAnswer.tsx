/**
 * The overview after a lost answer: the create may or may not have happened, so say what the
 * look-up found (a token named so, created in the last minutes, or nothing) before the user
 * tries again.
 */
import { timeOf } from './model';
import { LOOKUP_MINUTES } from './use-create-token';
import type { Lost } from './use-create-token';

interface LostAnswerProps {
  name: string;
  lost: Lost;
  onView(id: string): void;
  onLookAgain(): void;
}

export function LostAnswer({ name, lost, onView, onLookAgain }: LostAnswerProps) {
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
