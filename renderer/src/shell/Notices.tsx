import { useEffect } from 'react';
import { desk } from '../desk';
import { toast } from '../ui/toast-store';
import { Toasts } from '../ui/Toasts';

/** Main's short messages (app.notice) join the app's own toasts: one stack, one store. */
export function Notices() {
  useEffect(() => desk.on('app.notice', (notice) => void toast(notice)), []);
  return <Toasts />;
}
