import { SqlClient } from "effect/sql/SqlClient"
import { Effect } from "effect"

/**
 * Appends, as a function on the server: its statements are planned once per connection,
 * where the same SQL sent as one statement was planned on every append (planning cost more
 * than executing it). It takes a whole group commit at once — one append is a group of one.
 *
 * The log's lock comes first, so that what follows sees every append committed before
 * this one, and each append of the group sees those before it: the checks are exact. An
 * append whose stream is not at its expected version, or that reuses an event id, is left
 * out (no row returned for it) and the others are written, positions running on in the
 * order given. A fenced log writes nothing. The lock is held to the commit, so positions
 * follow commit order.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient
  yield* sql.unsafe(`CREATE FUNCTION strata_append(
    stream_ids TEXT[], expected BIGINT[], sizes INT[], event_ids TEXT[], types TEXT[], schema_versions INT[],
    payloads TEXT[], actors TEXT[], correlation_ids TEXT[], causation_ids TEXT[], recorded_ats TEXT[]
  ) RETURNS TABLE (write_index INT, first_position BIGINT) LANGUAGE plpgsql
  -- Plans that depend on no argument's value: planned once, never again per call.
  SET plan_cache_mode = force_generic_plan
  AS $append$
  DECLARE
    old_head BIGINT;
    new_head BIGINT;
    done INT := 0;
    n INT;
  BEGIN
    SELECT l.head INTO old_head FROM strata_log l WHERE l.id = 1 AND l.fenced_at IS NULL FOR UPDATE;
    IF NOT FOUND THEN
      RETURN;
    END IF;
    new_head := old_head;
    FOR i IN 1 .. cardinality(stream_ids) LOOP
      n := sizes[i];
      -- Under the lock, and after the group's earlier appends: the stream is where this one
      -- expects it, and none of its event ids is taken.
      IF (SELECT COALESCE(MAX(e.version), 0) FROM strata_events e WHERE e.stream_id = stream_ids[i]) = expected[i]
        AND NOT EXISTS (SELECT 1 FROM strata_events e WHERE e.event_id = ANY (event_ids[done + 1 : done + n]))
      THEN
        INSERT INTO strata_events (position, event_id, stream_id, version, type, schema_version, data,
          actor, correlation_id, causation_id, recorded_at)
        SELECT new_head + k, event_ids[done + k], stream_ids[i], expected[i] + k, types[done + k], schema_versions[done + k],
          payloads[done + k], actors[done + k], correlation_ids[done + k], causation_ids[done + k], recorded_ats[done + k]
        FROM generate_series(1, n) AS k;
        write_index := i;
        first_position := new_head + 1;
        RETURN NEXT;
        new_head := new_head + n;
      END IF;
      done := done + n;
    END LOOP;
    IF new_head > old_head THEN
      UPDATE strata_log SET head = new_head WHERE id = 1;
      PERFORM pg_notify('strata_log', 'appended');
    END IF;
  END
  $append$`)
})
