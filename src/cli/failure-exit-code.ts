/**
 * The exit code of a command that failed with an error we understand, after saying why on stderr:
 * 2 for a request the command cannot serve (bad scope, bad week), 1 for a delivery that failed.
 * Anything else is a bug and is rethrown, so `main` prints its stack.
 */
import { AppError } from '@/server/errors';
import { DeliveryError } from '@/server/services/reports/deliver-report';

export function failureExitCode(error: unknown, err: Pick<NodeJS.WriteStream, 'write'>): number {
  if (error instanceof AppError || error instanceof DeliveryError) {
    err.write(`leadline: ${error.message}\n`);
    return error instanceof AppError ? 2 : 1;
  }
  throw error;
}
