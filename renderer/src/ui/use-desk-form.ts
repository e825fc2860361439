/** Form submission state for calls that may fail with a DeskError carrying field errors. */
import { useState } from 'react';
import { DeskError } from '../../../common/errors';
import { INTERNAL_ERROR_DATA } from '../../../common/messages';

export interface FormErrors {
  message?: string;
  fields: Record<string, string[]>;
}

export function useDeskForm() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });

  async function submit<T>(action: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setErrors({ fields: {} });
    try {
      return await action();
    } catch (error) {
      if (DeskError.is(error)) {
        const fields = error.fields ?? {};
        // When every message is already shown at a field, don't repeat it on top.
        setErrors({ fields, message: Object.keys(fields).length > 0 ? undefined : error.message });
      } else {
        setErrors({ fields: {}, message: INTERNAL_ERROR_DATA.message });
      }
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) => errors.fields[name]?.join(' ');
  return { busy, errors, submit, fieldError, setErrors };
}
