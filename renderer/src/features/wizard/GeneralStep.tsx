/** Step 1, General: logo (pick or drop), name, description. */
import { useId, useRef, useState } from 'react';
import type { DragEvent, RefObject } from 'react';
import { TokenTextField } from '../tokens/TokenTextField';
import { formatBytes, LOGO_TYPES_TEXT } from './model';
import type { Draft, WizardField } from './model';

interface GeneralStepProps {
  draft: Draft;
  errors: Partial<Record<WizardField, string>>;
  /** Fields the user has touched (errors look like errors there; elsewhere they read as a hint). */
  touched: ReadonlySet<WizardField>;
  onName(value: string): void;
  /** The user left a field: its error shows from then on. */
  onLeave(field: 'name' | 'description'): void;
  onDescription(value: string): void;
  onLogoFile(file: File): void;
  onRemoveLogo(): void;
  refs: { name: RefObject<HTMLInputElement | null>; description: RefObject<HTMLTextAreaElement | null>; icon: RefObject<HTMLButtonElement | null> };
}

export function GeneralStep({ draft, errors, touched, onLeave, onName, onDescription, onLogoFile, onRemoveLogo, refs }: GeneralStepProps) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const ids = {
    logoHint: `${id}-logo-hint`,
    logoError: `${id}-logo-error`,
  };

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
          {LOGO_TYPES_TEXT}, up to 1 MB.
        </p>
        {errors.icon && (
          <p id={ids.logoError} className="field-error" role="alert">
            {errors.icon}
          </p>
        )}
      </fieldset>

      {/* An error shows once the user has typed in or left the field, or pressed Next: never on an untouched form. */}
      <TokenTextField kind="name" value={draft.name} onChange={onName} onBlur={() => onLeave('name')} error={touched.has('name') ? errors.name : undefined} inputRef={refs.name} />
      <TokenTextField
        kind="description"
        value={draft.description}
        onChange={onDescription}
        onBlur={() => onLeave('description')}
        error={touched.has('description') ? errors.description : undefined}
        inputRef={refs.description}
      />
    </div>
  );
}
