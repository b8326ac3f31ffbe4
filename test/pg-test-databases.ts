// Names and admin connections for PostgreSQL test databases (TEST_DATABASE_URL). The URL's
// database is the admin connection; the migrated template and every per-suite database get names
// derived from it, so parallel CI jobs pointing at different databases never collide.
import pg from 'pg';

export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url === undefined || url === '' ? undefined : url;
}

function dbName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(name)) {
    throw new Error(
      `TEST_DATABASE_URL: имя базы «${name}» должно быть из [a-z0-9_] и не длиннее 41 символа`,
    );
  }
  return name;
}

/** The migrated template: `<db>_tpl`. */
export function templateName(url: string): string {
  return `${dbName(url)}_tpl`;
}

/** Prefix of per-suite databases: `<db>_s_`; leftovers of crashed runs are dropped by it. */
export function suitePrefix(url: string): string {
  return `${dbName(url)}_s_`;
}

/** The same server and credentials, another database. */
export function urlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs `fn` with one connection to the URL's database, creating that database if it is missing. */
export async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  let client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    if ((e as { code?: string }).code !== '3D000') throw e;
    // The database itself does not exist yet: create it from the maintenance database.
    const maintenance = new pg.Client({ connectionString: urlFor(url, 'postgres') });
    await maintenance.connect();
    try {
      await maintenance.query(`create database "${dbName(url)}"`);
    } finally {
      await maintenance.end();
    }
    client = new pg.Client({ connectionString: url });
    await client.connect();
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
