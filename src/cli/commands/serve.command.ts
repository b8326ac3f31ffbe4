// Declaration of `noko serve`. The server (serve.ts: Hono, React Router, the database) is imported
// only when the command runs; the port is checked here, while the arguments are parsed.
import type { Command } from 'commander';
import { AppError } from '../../domain/errors.ts';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw AppError.validation(`Неверный номер порта: ${value}`, [
      { path: 'port', message: 'от 0 до 65535' },
    ]);
  }
  return port;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('запустить веб-сервер: страницы и JSON API (/api/v1)')
    .option('--host <host>', 'адрес для входящих соединений (по умолчанию HOST)')
    .option('--port <port>', 'порт (по умолчанию PORT; 0 — любой свободный)', parsePort)
    .action(async (opts: { host?: string; port?: number }) =>
      (await import('./serve.ts')).serveCommand(opts),
    );
}
