import { startEmbeddedPostgres } from '../../server/db/embedded';

// `node --import tsx tests/helpers/embedded-database-process.ts <dir> <port>`: the embedded database in a
// process of its own, so a test can take it away the way a crash does (every socket closed by the OS)
// and start it again on the same folder and port. Prints "ready" once it accepts connections.

const [dir, port] = process.argv.slice(2);
if (!dir || !port) {
  console.error('usage: embedded-database-process.ts <data dir> <port>');
  process.exit(2);
}
const embedded = await startEmbeddedPostgres(dir, { port: Number(port) });
console.log('ready');
process.once('SIGTERM', () => {
  // Flushes PGlite's files; the exit closes whatever connections are left, as a dying process does.
  const exit = () => process.exit(0);
  setTimeout(exit, 5_000).unref();
  void embedded.stop().finally(exit);
});
