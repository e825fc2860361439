/**
 * Module catalogue (marketplace-api.md §4).
 * CONFIRMED: the ids MOD-0478, 0622, 1239, 1756, 4525, 5842, 6338, 8352, 8743, 9042; the names of
 * MOD-1756 (Access Management) and MOD-0478 (Marketplace); the default free modules per account
 * type (Client: 0478 0622 1239 1756 4525 5842 6338 8352 9042; Vendor: 0478 1239 1756 4525 5842
 * 8352 8743 9042); the portal names/descriptions "Account management", "Collaboration site";
 * the module codes (but not which id has which code).
 * INFERRED: every other name, code, description and every Operations assignment. The ids
 * MOD-3110, MOD-2207, MOD-7461 and MOD-6615 are invented so that Operations accounts and paid
 * modules exist in the sandbox.
 */
export type AccountType = 'Client' | 'Vendor' | 'Operations';

export interface ModuleSettings {
  sharedAccount: boolean;
  configurable: boolean;
  default: boolean;
  paid: boolean;
  type: string[];
}

export interface ModuleDefinition {
  id: string;
  name: string;
  code: string;
  description: string;
  accountTypes: AccountType[];
  settings: ModuleSettings;
  filters?: { 'group.buyers': string[] };
}

const free = (def = true): ModuleSettings => ({ sharedAccount: false, configurable: true, default: def, paid: false, type: [] });
const paid = (): ModuleSettings => ({ sharedAccount: false, configurable: true, default: false, paid: true, type: [] });

export const MODULES: readonly ModuleDefinition[] = [
  { id: 'MOD-1756', name: 'Access Management', code: 'access-management', description: 'Manage the access to your account', accountTypes: ['Client', 'Vendor', 'Operations'], settings: free() },
  { id: 'MOD-0478', name: 'Marketplace', code: 'new-marketplace', description: 'Buy and manage subscription based licenses.', accountTypes: ['Client', 'Vendor'], settings: free(), filters: { 'group.buyers': ['selected', 'all'] } },
  { id: 'MOD-9042', name: 'Account management', code: 'account-management', description: 'Manage the licensees and other account objects', accountTypes: ['Client', 'Vendor', 'Operations'], settings: free() },
  { id: 'MOD-0622', name: 'Procurement', code: 'new-procurement', description: 'Request, approve and track purchases for your buyers.', accountTypes: ['Client'], settings: free(), filters: { 'group.buyers': ['selected', 'all'] } },
  { id: 'MOD-1239', name: 'Billing', code: 'billing', description: 'View statements, invoices and billing journals.', accountTypes: ['Client', 'Vendor', 'Operations'], settings: free() },
  { id: 'MOD-4525', name: 'Notifications', code: 'notifications', description: 'Receive and manage platform notifications.', accountTypes: ['Client', 'Vendor', 'Operations'], settings: free() },
  { id: 'MOD-5842', name: 'Collaboration site', code: 'digital-supply-chain', description: 'Store and share large files conveniently', accountTypes: ['Client', 'Vendor'], settings: free() },
  { id: 'MOD-6338', name: 'Purchase approval', code: 'purchase-approval', description: 'Define approval flows for purchase requests.', accountTypes: ['Client'], settings: free() },
  { id: 'MOD-8352', name: 'Notification administration', code: 'notification-administration', description: 'Configure notification categories and subscribers.', accountTypes: ['Client', 'Vendor', 'Operations'], settings: free() },
  { id: 'MOD-8743', name: 'Catalog management', code: 'catalog-management', description: 'Publish products, items and price lists.', accountTypes: ['Vendor', 'Operations'], settings: free() },
  { id: 'MOD-6615', name: 'Enterprise agreements', code: 'enterprise-agreements', description: 'Manage enterprise agreements and their enrollments.', accountTypes: ['Client'], settings: paid() },
  { id: 'MOD-3110', name: 'Platform account management', code: 'platform-account-management', description: 'Create and manage client, vendor and operations accounts.', accountTypes: ['Operations'], settings: free() },
  { id: 'MOD-2207', name: 'Partner management', code: 'partner-management', description: 'Manage partners, sellers and their relationships.', accountTypes: ['Operations'], settings: free() },
  { id: 'MOD-7461', name: 'Compliance check', code: 'compliance-check', description: 'Run compliance checks on accounts and orders.', accountTypes: ['Operations'], settings: paid() },
];

export const MODULE_BY_ID: ReadonlyMap<string, ModuleDefinition> = new Map(MODULES.map((m) => [m.id, m]));

export function modulesForAccountType(type: AccountType): ModuleDefinition[] {
  return MODULES.filter((m) => m.accountTypes.includes(type));
}

/** The module an API token needs to manage API tokens. INFERRED (access management owns tokens). */
export const ACCESS_MANAGEMENT_MODULE = 'MOD-1756';
