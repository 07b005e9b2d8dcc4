-- /api/metrics reports how far the outbox is behind across all workspaces. The app role sees one
-- workspace's rows at a time (RLS), so this definer function returns three numbers and nothing else:
-- no ids, no payloads, no tenant. The lag counts from available_at, so a retry scheduled for later is
-- not reported as late.
CREATE OR REPLACE FUNCTION cairn_outbox_stats()
  RETURNS TABLE (pending bigint, failed bigint, oldest_due_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT count(*) FILTER (WHERE status = 'pending'),
         count(*) FILTER (WHERE status = 'failed'),
         min(available_at) FILTER (WHERE status = 'pending' AND available_at <= now())
  FROM outbox WHERE status IN ('pending', 'failed')
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cairn_outbox_stats() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cairn_outbox_stats() TO cairn_app;
