import { describe, expect, it } from 'vitest';
import { filterQuickRows, isQuickRoute, quickRows } from '../../../renderer/src/features/quick/filter';

const rows = quickRows({
  groups: [
    { connectionId: 'p', connectionName: 'Production', accountType: 'Client', environment: 'api.example.com', active: true, tokens: [{ id: 'TKN-0000-0001', name: 'CI pipeline', status: 'Active' }, { id: 'TKN-0000-0002', name: 'Reports', status: 'Disabled' }] },
    { connectionId: 's', connectionName: 'Demo', accountType: 'Vendor', environment: 'Sandbox', active: false, tokens: [{ id: 'TKN-0000-0003', name: 'CI pipeline', status: 'Active' }] },
  ],
  recent: [],
});

describe('Quick Access search', () => {
  it('every word must match the name, id, connection or environment', () => {
    expect(filterQuickRows(rows, '').map((r) => r.id)).toEqual(['TKN-0000-0001', 'TKN-0000-0002', 'TKN-0000-0003']);
    expect(filterQuickRows(rows, 'pipe').map((r) => r.id)).toEqual(['TKN-0000-0001', 'TKN-0000-0003']);
    expect(filterQuickRows(rows, 'pipe sandbox').map((r) => r.id)).toEqual(['TKN-0000-0003']);
    expect(filterQuickRows(rows, 'PRODUCTION 0002').map((r) => r.id)).toEqual(['TKN-0000-0002']);
    expect(filterQuickRows(rows, 'nothing')).toEqual([]);
  });

  it('the Quick Access route: /quick (browser host) or ?view=quick (desktop window)', () => {
    expect(isQuickRoute({ pathname: '/quick', search: '' })).toBe(true);
    expect(isQuickRoute({ pathname: '/index.html', search: '?view=quick' })).toBe(true);
    expect(isQuickRoute({ pathname: '/', search: '' })).toBe(false);
    expect(isQuickRoute({ pathname: '/quickly', search: '?view=other' })).toBe(false);
  });
});
