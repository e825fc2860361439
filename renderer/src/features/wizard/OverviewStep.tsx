/** Step 3, Overview: everything entered, each section with an Edit link back to its step. */
import type { Module } from '../../../../common/domain';
import type { Draft, StepId } from './model';

interface OverviewStepProps {
  draft: Draft;
  modules: readonly Module[];
  onEdit(step: StepId): void;
}

export function OverviewStep({ draft, modules, onEdit }: OverviewStepProps) {
  const byId = new Map(modules.map((m) => [m.id, m]));
  return (
    <div className="wizard-overview">
      <section aria-labelledby="wizard-ov-general">
        <div className="wizard-ov-head">
          <h3 id="wizard-ov-general">General</h3>
          <button type="button" className="link" onClick={() => onEdit('general')} aria-label="Edit general details">
            Edit
          </button>
        </div>
        <dl className="facts">
          <dt>Logo</dt>
          <dd>
            {draft.logo ? (
              <span className="wizard-logo">
                {draft.logo.previewUrl && <img src={draft.logo.previewUrl} alt="" width={32} height={32} />}
                {draft.logo.fileName}
              </span>
            ) : (
              'None'
            )}
          </dd>
          <dt>Name</dt>
          <dd>{draft.name.trim()}</dd>
          <dt>Description</dt>
          <dd>{draft.description.trim() || <span className="muted">None</span>}</dd>
        </dl>
      </section>
      <section aria-labelledby="wizard-ov-modules">
        <div className="wizard-ov-head">
          <h3 id="wizard-ov-modules">Modules ({draft.moduleIds.length})</h3>
          <button type="button" className="link" onClick={() => onEdit('modules')} aria-label="Edit modules">
            Edit
          </button>
        </div>
        <ul className="wizard-ov-modules">
          {draft.moduleIds.map((id) => (
            <li key={id}>{byId.get(id)?.name ?? id}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
