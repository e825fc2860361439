/**
 * A running scan's progress line. It listens to `leaks.progress` itself, so a progress event
 * redraws this line only, never the page and its findings.
 */
import { useEffect, useState } from 'react';
import type { ScanCountsView } from '../../../../common/leaks';
import { desk } from '../../desk';
import { ProgressBar } from '../../ui/ProgressBar';

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function ScanProgress() {
  const [progress, setProgress] = useState<ScanCountsView | null>(null);
  useEffect(() => desk.on('leaks.progress', setProgress), []);
  return (
    <div className="leak-progress">
      <ProgressBar label="Scanning" />
      <p role="status">{progress ? `${progress.files} files, ${mb(progress.bytes)} read, ${progress.found} found` : 'Starting…'}</p>
    </div>
  );
}
