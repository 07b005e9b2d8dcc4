/**
 * Whether start-up may create the demo workspace, whose logins and passwords are printed and published.
 * Asked for (CAIRN_DEMO=true) or refused (false) explicitly, that wins; unset, only outside production, so
 * `npm start` on a fresh clone still opens on the demo and a production deploy never gets known passwords.
 */
export function demoSeedAllowed(options: {
  nodeEnv: 'development' | 'test' | 'production';
  demo: boolean | undefined;
}): boolean {
  return options.demo ?? options.nodeEnv !== 'production';
}
