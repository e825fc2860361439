/**
 * The Overview header's report button. In the desktop app main renders the report and prints it
 * to a PDF where the user chooses ("Save as PDF"); a browser cannot be handed a file by main, so
 * in the browser host the button opens the report's print view and the browser prints it.
 */
import { useEffect, useState } from 'react';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import { go } from '../../shell/router';
import { Button } from '../../ui/Button';
import { toast } from '../../ui/toast-store';

export function ReportButton({ scope }: { scope: string }) {
  const [electron, setElectron] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    desk.call('app.info', {}).then(
      (info) => live && setElectron(info.hostKind === 'electron'),
      () => live && setElectron(false),
    );
    return () => {
      live = false;
    };
  }, []);

  if (electron === null) return null;
  if (!electron) {
    return (
      <Button variant="secondary" onClick={() => go('report', { scope })}>
        Print report
      </Button>
    );
  }
  const save = async () => {
    setBusy(true);
    try {
      const result = await desk.call('report.savePdf', { scope });
      if (result.saved) toast({ level: 'success', message: `Report saved to ${result.path}` });
    } catch (e) {
      toast({ level: 'error', message: errorMessage(e, 'Could not save the report.') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="secondary" disabled={busy} onClick={() => void save()}>
      {busy ? 'Saving PDF…' : 'Save as PDF'}
    </Button>
  );
}
