import { useEffect } from 'react';
import { desk } from '../desk';
import { useShellStore } from './shell-store';

/** Short messages from main (app.notice), announced politely to screen readers. */
export function Notices() {
  const { notices, pushNotice, dismissNotice } = useShellStore();
  useEffect(() => desk.on('app.notice', pushNotice), [pushNotice]);
  useEffect(() => {
    if (notices.length === 0) return;
    const oldest = notices[0]!;
    const timer = setTimeout(() => dismissNotice(oldest.id), 6000);
    return () => clearTimeout(timer);
  }, [notices, dismissNotice]);

  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.level}`}>
          <span>{notice.message}</span>
          <button type="button" className="link" onClick={() => dismissNotice(notice.id)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
