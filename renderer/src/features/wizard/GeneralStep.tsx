/** Step 1, General: logo (pick or drop), name, description. */
import { useId, useRef, useState } from 'react';
import type { DragEvent, RefObject } from 'react';
import { TOKEN_DESCRIPTION_MAX, TOKEN_NAME_MAX } from '../../../../common/limits';
import { formatBytes, LOGO_TYPES_TEXT } from './model';
import type { Draft, WizardField } from './model';

interface GeneralStepProps {
  draft: Draft;
  errors: Partial<Record<WizardField, string>>;
  /** Fields the user has touched (errors look like errors there; elsewhere they read as a hint). */
  touched: ReadonlySet<WizardField>;
  logoNote?: string;
  onName(value: string): void;
  onDescription(value: string): void;
  onLogoFile(file: File): void;
  onRemoveLogo(): void;
  refs: { name: RefObject<HTMLInputElement | null>; description: RefObject<HTMLTextAreaElement | null>; icon: RefObject<HTMLButtonElement | null> };
}

export function GeneralStep({ draft, errors, touched, logoNote, onName, onDescription, onLogoFile, onRemoveLogo, refs }: GeneralStepProps) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const nameLen = draft.name.trim().length;
  const descLen = draft.description.trim().length;
  const ids = {
    logoHint: `${id}-logo-hint`,
    logoError: `${id}-logo-error`,
    name: `${id}-name`,
    nameError: `${id}-name-error`,
    nameCount: `${id}-name-count`,
    desc: `${id}-desc`,
    descError: `${id}-desc-error`,
    descCount: `${id}-desc-count`,
  };
  const cls = (field: WizardField) => (touched.has(field) ? 'field-error' : 'field-reason');

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer?.files?.[0];
    if (file) onLogoFile(file);
  };

  return (
    <div className="wizard-fields">
      <fieldset className={errors.icon ? 'field has-error' : 'field'}>
        <legend>Logo (optional)</legend>
        <div
          className={dragging ? 'wizard-drop dragging' : 'wizard-drop'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="logo-drop"
        >
          {draft.logo ? (
            <div className="wizard-logo">
              {draft.logo.previewUrl && <img src={draft.logo.previewUrl} alt={`Logo preview: ${draft.logo.fileName}`} width={48} height={48} />}
              <span>
                {draft.logo.fileName} <span className="muted">({formatBytes(draft.logo.size)})</span>
              </span>
              <button type="button" className="btn" onClick={onRemoveLogo}>
                Remove logo
              </button>
            </div>
          ) : (
            <p className="muted">Drop an image here, or</p>
          )}
          <button
            ref={refs.icon}
            type="button"
            className="btn"
            onClick={() => fileRef.current?.click()}
            aria-describedby={[errors.icon ? ids.logoError : '', ids.logoHint].filter(Boolean).join(' ')}
          >
            {draft.logo ? 'Choose another file…' : 'Choose a file…'}
          </button>
          <input
            ref={fileRef}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Logo file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) onLogoFile(file);
              e.target.value = '';
            }}
          />
        </div>
        <p id={ids.logoHint} className="field-hint">
          {LOGO_TYPES_TEXT}, up to 1 MB.{logoNote ? ` ${logoNote}` : ''}
        </p>
        {errors.icon && (
          <p id={ids.logoError} className="field-error" role="alert">
            {errors.icon}
          </p>
        )}
      </fieldset>

      <div className={errors.name && touched.has('name') ? 'field has-error' : 'field'}>
        <label htmlFor={ids.name}>Name (required)</label>
        <input
          ref={refs.name}
          id={ids.name}
          value={draft.name}
          autoComplete="off"
          aria-required="true"
          aria-invalid={errors.name && touched.has('name') ? true : undefined}
          aria-describedby={[errors.name ? ids.nameError : '', ids.nameCount].filter(Boolean).join(' ')}
          onChange={(e) => onName(e.target.value)}
        />
        <p id={ids.nameCount} className={nameLen > TOKEN_NAME_MAX ? 'field-count over' : 'field-count'}>
          {nameLen} / {TOKEN_NAME_MAX} characters
        </p>
        {errors.name && (
          <p id={ids.nameError} className={cls('name')}>
            {errors.name}
          </p>
        )}
      </div>

      <div className={errors.description ? 'field has-error' : 'field'}>
        <label htmlFor={ids.desc}>Description (optional)</label>
        <textarea
          ref={refs.description}
          id={ids.desc}
          value={draft.description}
          rows={3}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={[errors.description ? ids.descError : '', ids.descCount].filter(Boolean).join(' ')}
          onChange={(e) => onDescription(e.target.value)}
        />
        <p id={ids.descCount} className={descLen > TOKEN_DESCRIPTION_MAX ? 'field-count over' : 'field-count'}>
          {descLen} / {TOKEN_DESCRIPTION_MAX} characters
        </p>
        {errors.description && (
          <p id={ids.descError} className="field-error">
            {errors.description}
          </p>
        )}
      </div>
    </div>
  );
}
