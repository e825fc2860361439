/** Placeholder for channels whose capability is being built; removed before release. */
import { DeskError } from '../../../common/errors';

export const notYet = (what: string) => async (): Promise<never> => {
  throw new DeskError({ code: 'internal', message: `${what} is not available yet.` });
};
