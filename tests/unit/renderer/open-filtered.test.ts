// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { EMPTY_AUDIT_FILTERS } from '../../../common/audit-log';
import { useAuditLogStore } from '../../../renderer/src/features/audit/audit-log-store';
import { DEFAULT_FILTERS } from '../../../renderer/src/features/tokens/filtering';
import { useTokensUiStore } from '../../../renderer/src/features/tokens/store/tokens-ui-store';
import { useRouter } from '../../../renderer/src/shell/router';

describe('opening the table and the audit log on a given filter', () => {
  it('the table gets exactly the given filters: what was typed or chosen before, and the selection, go', () => {
    useRouter.getState().navigate('/overview');
    useTokensUiStore.setState({ filters: { ...DEFAULT_FILTERS, text: 'billing', status: 'Disabled', unused: true }, selection: new Set(['TKN-1111-2222']) });
    useTokensUiStore.getState().showFiltered({ status: 'all', lastAccess: 'never' });
    expect(useTokensUiStore.getState().filters).toEqual({ ...DEFAULT_FILTERS, lastAccess: 'never' });
    expect(useTokensUiStore.getState().selection.size).toBe(0);
    expect(useRouter.getState().path).toBe('/tokens');
  });

  it('the audit log keeps a day’s range through the page’s load of that connection, and forgets another connection’s rows', async () => {
    useAuditLogStore.setState({ connectionId: 'other', entries: [{ id: 'a' } as never], filters: { ...EMPTY_AUDIT_FILTERS, text: 'x' } });
    const from = '2026-11-03T00:00:00.000Z';
    const to = '2026-11-03T23:59:59.999Z';
    useAuditLogStore.getState().showRange('c1', from, to);
    expect(useAuditLogStore.getState().entries).toEqual([]);
    expect(useAuditLogStore.getState().filters).toEqual({ ...EMPTY_AUDIT_FILTERS, from, to });
    await useAuditLogStore.getState().load('c1'); // no host here: the read fails, the range stays
    expect(useAuditLogStore.getState().filters).toEqual({ ...EMPTY_AUDIT_FILTERS, from, to });
    await useAuditLogStore.getState().load('c2');
    expect(useAuditLogStore.getState().filters).toEqual(EMPTY_AUDIT_FILTERS);
  });
});
