// An advisory lock file for a PGlite folder. PGlite does not lock its data directory: a second
// process opening the same folder starts its own in-memory Postgres over the same files, and both
// then overwrite each other's pages — rows silently disappear (verified with 0.5.16). So noko takes
// `<folder>/noko.lock` (created exclusively, holding the pid) before opening the folder and
// refuses clearly if a live process holds it. A lock left by a crashed process is taken over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../domain/errors.ts';

export interface FolderLock {
  readonly path: string;
  release(): void;
}

interface LockContent {
  pid: number;
  host: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockContent | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockContent;
  } catch {
    return null;
  }
}

/** Takes the lock of a PGlite folder or throws AppError(conflict) naming the holder. */
export function lockFolder(folder: string): FolderLock {
  const file = path.join(folder, 'noko.lock');
  const mine: LockContent = {
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      const release = () => {
        const held = readLock(file);
        if (held?.pid === mine.pid && held.since === mine.since) fs.rmSync(file, { force: true });
        process.off('exit', release);
      };
      // A process that exits without closing the database still frees the folder.
      process.on('exit', release);
      return { path: file, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const held = readLock(file);
      const stale = held !== null && held.host === os.hostname() && !isAlive(held.pid);
      if (!stale) {
        const who = held ? `процесс ${held.pid} на ${held.host} с ${held.since}` : 'другой процесс';
        throw AppError.conflict(
          `База данных в папке ${folder} уже открыта (${who}). PGlite допускает только один ` +
            'процесс: остановите сервер noko или выполните действие через его веб-интерфейс/API; ' +
            `если процесса нет, удалите файл ${file}. Для одновременной работы нескольких ` +
            'процессов используйте PostgreSQL (DATABASE_URL).',
          { lockFile: file, holder: held },
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw AppError.conflict(`Не удалось занять папку базы данных ${folder}: файл ${file} занят`);
}
