/** The audit channels (`audit.*`): a token's trail, the account log, its refresh and CSV export. */
import { notConnectedError } from '../../../common/messages';
import { accountLog, syncAccountLog, type AccountLogServices } from '../audit/account';
import { auditCsv, csvFileName } from '../audit/csv';
import type { Handler } from '../dispatch';
import { tokenTrail } from '../audit/token-trail';

type AuditChannels = 'audit.token' | 'audit.account' | 'audit.syncAccount' | 'audit.exportCsv';

export function auditHandlers(services: AccountLogServices): { [C in AuditChannels]: Handler<C> } {
  return {
    'audit.token': (input) => tokenTrail(services, input),
    'audit.account': (input) => accountLog(services, input),
    'audit.syncAccount': (_input, ctx) => syncAccountLog(services, ctx),
    'audit.exportCsv': async ({ filters }) => {
      const profile = services.connections.active();
      if (!profile) throw notConnectedError();
      const { csv, rows } = auditCsv(await services.audit.all(profile.id), filters);
      return { fileName: csvFileName(profile.account.name), csv, rows };
    },
  };
}
