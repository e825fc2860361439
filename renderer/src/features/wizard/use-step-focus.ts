/**
 * Where focus goes in the wizard: on a step change to the step's heading (so a screen reader
 * announces the step), or to the field an API error is about; never on a data load, which
 * would steal focus from a field the user is in.
 */
import { createRef, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { StepId, WizardField } from './model';

export type FocusTarget = WizardField | 'heading';

export interface StepFocusRefs {
  name: RefObject<HTMLInputElement | null>;
  description: RefObject<HTMLTextAreaElement | null>;
  icon: RefObject<HTMLButtonElement | null>;
  modules: RefObject<HTMLInputElement | null>;
  heading: RefObject<HTMLHeadingElement | null>;
}

/** After React has committed the step (and the browser laid it out). */
function focusSoon(ref: RefObject<HTMLElement | null>): void {
  queueMicrotask(() => ref.current?.focus());
}

export function useStepFocus(step: StepId) {
  const [refs] = useState<StepFocusRefs>(() => ({
    name: createRef(),
    description: createRef(),
    icon: createRef(),
    modules: createRef(),
    heading: createRef(),
  }));
  /** What to focus after the next step change; the wizard opens on the name. */
  const pending = useRef<FocusTarget | null>('name');

  useEffect(() => {
    const target = refs[pending.current ?? 'heading'];
    pending.current = null;
    focusSoon(target.current ? target : refs.heading);
  }, [step, refs]);

  return {
    refs,
    /** Focus `target` once the step that is about to be shown has rendered. */
    afterStepChange(target: FocusTarget) {
      pending.current = target;
    },
    focus(target: FocusTarget) {
      focusSoon(refs[target]);
    },
  };
}
