#!/usr/bin/env node
// Launcher: the CLI is TypeScript run by Node 24's type stripping; refuse older Node with a clear message.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `newsflow needs Node.js 24 or newer (this is ${process.version}). Run it through npm ` +
      '(`npx newsflow ...` or `npm start`), which uses the Node 24 installed with the project.\n',
  );
  process.exit(1);
}
await import('../src/main.ts');
