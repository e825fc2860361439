import { useEffect } from 'react';
import { Page } from '../../ui/Page';
import { useAppInfoStore } from './app-info-store';

export function AboutPanel() {
  const { info, error, loading, load } = useAppInfoStore();
  useEffect(() => {
    if (!info) void load();
  }, [info, load]);

  return (
    <Page titleId="about-title" title="About Token Desk" subtitle="A desktop tool for the API tokens of the SoftwareOne Marketplace Platform.">
      <div className="panel">
        {loading && <p role="status">Reading app information…</p>}
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        {info && (
          <dl className="facts" aria-label="App information">
            <dt>Version</dt>
            <dd data-testid="app-version">{info.version}</dd>
            <dt>Host</dt>
            <dd>{info.hostKind === 'electron' ? 'Desktop app (Electron)' : 'Browser host'}</dd>
            <dt>Platform</dt>
            <dd>
              {info.platform} ({info.arch})
            </dd>
            <dt>Runtime</dt>
            <dd>
              Node {info.runtime.node}
              {info.runtime.electron ? ` · Electron ${info.runtime.electron}` : ''}
              {info.runtime.chrome ? ` · Chromium ${info.runtime.chrome}` : ''}
            </dd>
          </dl>
        )}
      </div>
    </Page>
  );
}
