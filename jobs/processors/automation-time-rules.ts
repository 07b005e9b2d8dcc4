import { sql } from 'drizzle-orm';
import { forEachWorkspace } from '@/server/db/for-each-workspace';
import { runInTenant } from '@/server/db/tenant';
import { runTimeRules } from '@/server/services/automation/run-time-rules';

/** Only workspaces with an enabled time rule (the built-in auto-close rule counts) are visited. */
const WITH_TIME_RULES = sql`cairn_tenants_with_time_rules()`;

/** The `automation.timeRules` schedule, every minute: each workspace's time rules in its own transaction. */
export async function processAutomationTimeRules(now = new Date()) {
  let acted = 0;
  await forEachWorkspace(WITH_TIME_RULES, async (tenantId) => {
    acted += (await runInTenant(tenantId, (scope) => runTimeRules(scope, now))).acted;
  });
  return { acted };
}
