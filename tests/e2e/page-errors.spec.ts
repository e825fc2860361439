/**
 * The guard of support/page-errors.ts can fail: an uncaught error thrown in the page fails the
 * test even though every assertion of it passed.
 */
import { expect, test } from './support/host';

test('an uncaught page error fails the test', async ({ app }) => {
  test.fail(true, 'the page throws; the page-error guard must fail this test');
  await app.evaluate(() => setTimeout(() => {
    throw new Error('thrown by the page-error guard check');
  }));
  await expect.poll(() => app.evaluate(() => document.readyState)).toBe('complete');
  await app.waitForTimeout(200);
});
