/** A yes/no question on the app's one modal Dialog; Cancel has the focus, so Enter is safe. */
import { useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The safe answer, e.g. "Keep editing" (default "Cancel"). */
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  /** 'alertdialog' when the question interrupts what the user was doing. */
  role?: 'dialog' | 'alertdialog';
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ title, children, confirmLabel, cancelLabel = 'Cancel', danger, busy, role, onConfirm, onCancel }: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const bodyId = useId();
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      initialFocus={cancelRef}
      describedBy={bodyId}
      role={role}
      footer={
        <>
          <button ref={cancelRef} type="button" className="btn btn-secondary" onClick={onCancel}>
            {cancelLabel}
          </button>
          <Button variant={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div id={bodyId}>{children}</div>
    </Dialog>
  );
}
