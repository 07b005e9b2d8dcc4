import { sql } from 'drizzle-orm';
import { accuracyOf, holdBack, trainNaiveBayes } from '@/lib/triage/naive-bayes';
import { triageSettings } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

/** The newest solved tickets a model learns from: enough for a busy desk, bounded for the worker's memory. */
const TRAINING_LIMIT = 5000;

type Example = { text: string; label: string };

/** Solved (or closed after solving) tickets: subject and the requester's first message, with what agents set. */
async function solvedTickets(scope: TenantScope) {
  const { rows } = await scope.db.execute<{ text: string; category_id: string | null; priority: string }>(sql`
    select t.subject || E'\n' || coalesce(m.body, '') as text, t.category_id, t.priority
    from tickets t
    left join lateral (
      select body from ticket_messages where ticket_id = t.id order by created_at limit 1
    ) m on true
    where t.solved_at is not null and t.status in ('solved', 'closed')
    order by t.solved_at desc
    limit ${TRAINING_LIMIT}`);
  return rows;
}

/**
 * Trains the workspace's category and priority models. Accuracy is measured on held-back tickets (every
 * fifth) with a model that never saw them; the model kept is then trained on all of them, so nothing the
 * desk solved is wasted. Clears a pending "Retrain now". Returns what the admin page shows.
 */
export async function trainTriage(scope: TenantScope) {
  const rows = await solvedTickets(scope);
  const byCategory: Example[] = rows.filter((r) => r.category_id).map((r) => ({ text: r.text, label: r.category_id! }));
  const byPriority: Example[] = rows.map((r) => ({ text: r.text, label: r.priority }));
  const measure = (examples: Example[]) => {
    const { train, test } = holdBack(examples);
    return train.length ? accuracyOf(trainNaiveBayes(train), test) : null;
  };
  const values = {
    categoryModel: byCategory.length ? trainNaiveBayes(byCategory) : null,
    priorityModel: byPriority.length ? trainNaiveBayes(byPriority) : null,
    categoryAccuracy: measure(byCategory),
    priorityAccuracy: measure(byPriority),
    trainedOn: rows.length,
    heldBack: holdBack(rows).test.length,
    trainedAt: new Date(),
    trainRequestedAt: null,
    updatedAt: new Date(),
  };
  await scope.db
    .insert(triageSettings)
    .values({ tenantId: scope.tenantId, ...values })
    .onConflictDoUpdate({ target: triageSettings.tenantId, set: values });
  return {
    trainedOn: values.trainedOn,
    heldBack: values.heldBack,
    categoryAccuracy: values.categoryAccuracy,
    priorityAccuracy: values.priorityAccuracy,
  };
}
