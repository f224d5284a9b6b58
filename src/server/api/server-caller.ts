/**
 * A tRPC caller for server components: the same procedures, validation and error mapping as the
 * HTTP API, in-process. Pages use this rather than services or queries directly.
 */
import { createContext } from './context';
import { createCaller } from './root';

export function getServerCaller() {
  return createCaller(() => createContext());
}
