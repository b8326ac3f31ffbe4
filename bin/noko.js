#!/usr/bin/env node
// Entry point of the `noko` command. The sources are TypeScript run by Node's built-in type
// stripping (Node >= 22.18), so `npx noko` works right after `npm ci` with no build step.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 22)) {
  process.stderr.write(
    `noko: нужен Node.js 22.22 или новее (сейчас ${process.versions.node}). ` +
      'Запускайте через npx noko или npm run, чтобы использовался Node 24 из node_modules.\n',
  );
  process.exit(2);
}
await import('./resolve-hooks.js');
await import('../src/cli/main.ts');
