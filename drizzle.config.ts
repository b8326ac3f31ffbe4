// drizzle-kit configuration: `npm run db:generate -- --name <what>` writes a named migration
// under drizzle/ from the schema. Migrations are committed and applied at start (src/db/migrate.ts).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
  casing: 'snake_case',
});
