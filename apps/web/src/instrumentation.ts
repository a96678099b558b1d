/** Runs once when the server starts. The check lives in a Node-only module (Next also compiles this file for the Edge runtime). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigOrExit } = await import('./instrumentation-node');
    checkConfigOrExit();
  }
}
