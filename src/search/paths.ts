// File layout of the search folder, shared by the builder and the page.

/** Where a village's files live, relative to the search output folder. */
export function villagePaths(code: string): { index: string; store: string } {
  return { index: `villages/${code}.idx.json`, store: `villages/${code}.store.json` };
}

/** The locator: townships → villages, and file revisions. */
export const LOCATOR_PATH = 'locator.json';

/** Where the search files are served (the builder writes them to <build>/client/search/). */
export const SEARCH_BASE = '/search/';
