import { webConfig } from './lib/config';

/** Runs once when the server starts: a bad API_URL stops the server with a message naming it. */
export function register() {
  try {
    webConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
