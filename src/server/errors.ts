/**
 * The one error services throw for a caller's mistake. Transports map it once: tRPC to its codes
 * (BAD_REQUEST is HTTP 400, CONFLICT 409, PRECONDITION_FAILED 412), the CLI to exit code 2.
 */
export type AppErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'CONFLICT' | 'PRECONDITION_FAILED';

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
  }
}
