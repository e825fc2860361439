/** The notice a read adds when it answers from what is saved because the API could not be reached (tokens and audit alike). */
export function offlineNotice(fetchedAt: string | null): { message: string } {
  return fetchedAt
    ? { message: `Offline — showing data from ${fetchedAt}` }
    : { message: 'Offline — the Marketplace cannot be reached and nothing is saved on this computer yet.' };
}
