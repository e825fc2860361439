import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { client, TOKENS } from './helpers';

let sb: RunningSandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

describe('startSandbox({ accounts })', () => {
  it('creates exactly the accounts listed, each with its own token count and the default name of its type', async () => {
    sb = await startSandbox({ seed: 3, tokensPerAccount: 7, auditHistory: false, accounts: [{ type: 'Client', tokens: 150 }, { type: 'Vendor', name: 'Initech' }] });
    expect(sb.accounts.map((a) => [a.type, a.name])).toEqual([
      ['Client', 'Stark Industries'],
      ['Vendor', 'Initech'],
    ]);
    const [clientAccount, vendorAccount] = sb.accounts as [(typeof sb.accounts)[0], (typeof sb.accounts)[0]];
    // Non-ops callers do not see Deleted tokens, so count them through a status filter too.
    const asClient = client(sb, clientAccount.adminToken);
    const clientTotal = (await asClient('GET', `${TOKENS}?limit=0`)).body.$meta.pagination.total as number;
    const page = await asClient('GET', `${TOKENS}?limit=100&offset=100&select=audit`);
    expect(page.body.data).toHaveLength(clientTotal - 100);
    expect(clientTotal).toBeGreaterThan(140); // 150 samples + admin, ~2% Deleted
    expect(clientTotal).toBeLessThanOrEqual(151);
    for (const t of page.body.data) expect(t.account.id).toBe(clientAccount.id);
    const vendorTotal = (await client(sb, vendorAccount.adminToken)('GET', `${TOKENS}?limit=0`)).body.$meta.pagination.total as number;
    expect(vendorTotal).toBeGreaterThan(1); // tokensPerAccount (7) applies when `tokens` is left out
    expect(vendorTotal).toBeLessThanOrEqual(8);
  });

  it('without `accounts`, tokensPerAccount still gives the three sample accounts', async () => {
    sb = await startSandbox({ seed: 3, tokensPerAccount: 2, auditHistory: false });
    expect(sb.accounts.map((a) => a.type)).toEqual(['Client', 'Vendor', 'Operations']);
    const ops = sb.accounts[2]!;
    expect((await client(sb, ops.adminToken)('GET', `${TOKENS}?limit=0`)).body.$meta.pagination.total).toBe(9);
  });
});
