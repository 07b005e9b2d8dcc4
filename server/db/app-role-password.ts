import pg from 'pg';
import { APP_ROLE } from './urls';

export type AppRolePasswordResult = 'set' | 'no-password' | 'other-role';

/**
 * Gives cairn_app the password in DATABASE_APP_URL, so the URL the app and worker connect with is the
 * whole configuration (migration 0001 creates the role without one). Runs as the owner after the
 * migrations, on every deploy: changing the URL's password and redeploying rotates it. A URL naming
 * another role is the operator's own setup and is left alone.
 */
export async function syncAppRolePassword(ownerUrl: string, appUrl: string): Promise<AppRolePasswordResult> {
  const url = new URL(appUrl);
  if (decodeURIComponent(url.username) !== APP_ROLE) return 'other-role';
  const password = decodeURIComponent(url.password);
  if (!password) return 'no-password';
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // ALTER ROLE takes no bind parameters; escapeLiteral quotes the value for the statement.
    await client.query(
      `ALTER ROLE ${client.escapeIdentifier(APP_ROLE)} WITH LOGIN PASSWORD ${client.escapeLiteral(password)}`,
    );
  } finally {
    await client.end();
  }
  return 'set';
}
