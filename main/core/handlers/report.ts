/**
 * The printable report's channels (`report.*`): the report as data (the browser host's print
 * view), and in the desktop app the report printed to a PDF where the user chooses.
 */
import { DeskError } from '../../../common/errors';
import { reportFileName, type SavedReport } from '../../../common/report';
import type { Handler } from '../dispatch';
import { reportHtml } from '../report/html';
import type { ReportService } from '../report/service';

type ReportChannels = 'report.get' | 'report.savePdf';

export interface ReportHandlerServices {
  report: ReportService;
  /** The host's PDF printer and save dialog (Electron); absent in the browser host. */
  saveReportPdf?: (html: string, suggestedName: string) => Promise<SavedReport>;
}

export function reportHandlers(services: ReportHandlerServices): { [C in ReportChannels]: Handler<C> } {
  return {
    'report.get': ({ scope }) => services.report.get(scope),
    'report.savePdf': async ({ scope }) => {
      const save = services.saveReportPdf;
      if (!save) throw new DeskError({ code: 'validation', message: 'This host cannot save a PDF itself: open the report’s print view and print it from the browser.' });
      const report = await services.report.get(scope);
      return save(reportHtml(report), reportFileName(report));
    },
  };
}
