import type { Locator, Page } from 'playwright-core';

/** An API error as an alert shows it: the plain sentence, its fix link, the AWS code and message. */
export interface ShownError {
  readonly help: string;
  readonly link: string;
  /** `Code: message` as the server sent it. */
  readonly error: string;
  /** Font sizes in px: the code is in smaller type than the sentence. */
  readonly helpSize: number;
  readonly errorSize: number;
}

/** Reads the (first) error alert in `scope` (a dialog, or the page) once it shows. */
export async function shownError(scope: Page | Locator): Promise<ShownError> {
  const help = scope.getByTestId('api-error-help').first();
  const error = scope.getByTestId('api-error').first();
  await error.waitFor();
  await help.waitFor();
  // Through the element's window: the test build has no DOM globals.
  const size = (l: Locator): Promise<number> =>
    l.evaluate((el) => parseFloat((el.ownerDocument.defaultView as unknown as { getComputedStyle(e: typeof el): { fontSize: string } }).getComputedStyle(el).fontSize));
  const link = help.getByRole('link');
  return {
    help: (await help.innerText()).trim(),
    link: (await link.count()) > 0 ? (await link.innerText()).trim() : '',
    error: (await error.innerText()).trim(),
    helpSize: await size(help),
    errorSize: await size(error),
  };
}

/** Follows the alert's link to where the error is fixed. */
export async function followErrorLink(scope: Page | Locator): Promise<void> {
  await scope.getByTestId('api-error-help').first().getByRole('link').click();
}
