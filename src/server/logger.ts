/**
 * Leadline's log sink. Server code logs through this interface so tests can capture warnings (a
 * skipped malformed payload must be visible) and the CLI can keep stdout for its own output.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Writes to stderr. Messages never carry tokens: nothing in Leadline formats credentials. */
export const consoleLogger: Logger = {
  info: (message) => process.stderr.write(`${message}\n`),
  warn: (message) => process.stderr.write(`warning: ${message}\n`),
  error: (message) => process.stderr.write(`error: ${message}\n`),
};

export interface MemoryLogger extends Logger {
  lines: { level: 'info' | 'warn' | 'error'; message: string }[];
  warnings(): string[];
}

export function memoryLogger(): MemoryLogger {
  const lines: MemoryLogger['lines'] = [];
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
    warnings: () => lines.filter((l) => l.level === 'warn').map((l) => l.message),
  };
}
