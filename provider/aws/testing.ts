/**
 * Hooks for tests only: they reset the process-wide state of `provider/aws`. Not exported by the
 * package (`provider/index.ts`), and never called by the provider.
 */
import { connectClients } from "./client";
import { processPacers } from "./pacing";

/**
 * Forgets every client made so far (and closes their connections), so that the next call reads the
 * settings (endpoint, credentials, timeouts) again.
 */
export function forgetConnectClients(): void {
  for (const region of Object.keys(connectClients)) {
    connectClients[region].destroy();
    delete connectClients[region];
  }
}

/**
 * Forgets the pacers of the process and the rates they adapted to: the next call of each Region
 * and operation starts unlimited again. Call it when no call is waiting or in flight.
 */
export function resetPacing(): void {
  for (const key of Object.keys(processPacers)) {
    delete processPacers[key];
  }
}
