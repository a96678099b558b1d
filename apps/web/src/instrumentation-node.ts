import { webConfig } from './lib/config';

/** A bad API_URL stops the server with a message naming it. */
export function checkConfigOrExit(): void {
  try {
    webConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
