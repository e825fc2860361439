import { useEffect, useRef, useState } from 'react';
import { Button } from './Button';

export interface CopyButtonProps {
  /** What to copy. Only for non-secret text (ids, URLs): secrets are copied by main. */
  text?: string;
  /** Custom copy (e.g. a main-process call); resolves with an optional confirmation text. */
  onCopy?: () => Promise<string | void>;
  /** Accessible name, e.g. "Copy token id". */
  label: string;
  children?: React.ReactNode;
  size?: 'normal' | 'small';
  tabIndex?: number;
}

/** Copies non-secret text; falls back to execCommand where the async clipboard is refused. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch (error) {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw error;
  }
}

/** Copies and confirms for a moment ("Copied"), announcing the result politely. */
export function CopyButton({ text, onCopy, label, children = 'Copy', size = 'small', tabIndex }: CopyButtonProps) {
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    try {
      let message: string | void = 'Copied';
      if (onCopy) message = (await onCopy()) ?? 'Copied';
      else if (text !== undefined) await copyText(text);
      setStatus(message || 'Copied');
    } catch (error) {
      setStatus(error instanceof Error && error.message ? `Copy failed: ${error.message}` : 'Copy failed');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(''), 4000);
  }

  return (
    <span className="copy">
      <Button size={size} tabIndex={tabIndex} aria-label={label} onClick={() => void copy()}>
        {children}
      </Button>
      <span className="copy-status" role="status" aria-live="polite">
        {status}
      </span>
    </span>
  );
}
