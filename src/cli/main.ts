// Entry of the `noko` process: builds the command tree and turns failures into exit codes.
import { CommanderError } from 'commander';
import { isAppError } from '../domain/errors.ts';
import { buildProgram, exitCodeFor } from './program.ts';

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    const code = exitCodeFor(e);
    if (!(e instanceof CommanderError)) {
      process.stderr.write(`noko: ${e instanceof Error ? e.message : String(e)}\n`);
      // Expected failures (AppError) are explained by their message; only bugs get a stack trace.
      if (code === 1 && !isAppError(e) && e instanceof Error && e.stack) {
        process.stderr.write(`${e.stack}\n`);
      }
    }
    process.exitCode = code;
  }
}

await main(process.argv);
