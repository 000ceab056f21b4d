"""Insert past entity states into a running Home Assistant's recorder database (SQLite).

HA has no API to write history, so a test that needs days of it writes the rows the recorder itself
would have written (schema of HA 2024.3, SCHEMA_VERSION 42): one `states` row per state change,
its attributes deduplicated in `state_attributes` (hash = fnv1a_32 of the JSON bytes, as HA does),
`states_meta` for the entity id. Runs with the HA venv's Python (orjson, fnv_hash_fast) while HA
runs: SQLite serialises the writers; HA's own rows for the same entities are newer than ours.

History queries only look for the state at the start of a window inside a recorder run, and HA
loads its runs at startup; so a run row covering the seeded time is added too, and HA must be
restarted before it answers history for the seeded days with their start states.

stdin: {"db": path, "states": [{"entity_id", "state", "attributes", "t" (epoch ms)}, ...]}
stdout: {"inserted": n, "entities": n, "run_start": iso}
"""

import json
import os
import sqlite3
import sys
from datetime import datetime, timedelta, timezone

import orjson
from fnv_hash_fast import fnv1a_32


def main() -> None:
    request = json.load(sys.stdin)
    states = sorted(request["states"], key=lambda s: (s["entity_id"], s["t"]))
    db = sqlite3.connect(request["db"], timeout=60)
    db.execute("PRAGMA busy_timeout = 60000")
    version = db.execute("SELECT MAX(schema_version) FROM schema_changes").fetchone()[0]
    if version != 42:
        raise SystemExit(f"recorder schema {version}, this seeder writes schema 42 (HA 2024.3)")
    meta_ids: dict[str, int] = {}
    attr_ids: dict[bytes, int] = {}
    last_state_id: dict[str, int] = {}
    inserted = 0
    with db:
        for s in states:
            entity_id = s["entity_id"]
            if entity_id not in meta_ids:
                row = db.execute(
                    "SELECT metadata_id FROM states_meta WHERE entity_id = ?", (entity_id,)
                ).fetchone()
                if row is None:
                    cur = db.execute("INSERT INTO states_meta (entity_id) VALUES (?)", (entity_id,))
                    meta_ids[entity_id] = cur.lastrowid
                else:
                    meta_ids[entity_id] = row[0]
            shared = orjson.dumps(s["attributes"], option=orjson.OPT_NON_STR_KEYS)
            if shared not in attr_ids:
                digest = fnv1a_32(shared)
                row = db.execute(
                    "SELECT attributes_id FROM state_attributes WHERE hash = ? AND shared_attrs = ?",
                    (digest, shared.decode()),
                ).fetchone()
                if row is None:
                    cur = db.execute(
                        "INSERT INTO state_attributes (hash, shared_attrs) VALUES (?, ?)",
                        (digest, shared.decode()),
                    )
                    attr_ids[shared] = cur.lastrowid
                else:
                    attr_ids[shared] = row[0]
            ts = s["t"] / 1000.0
            cur = db.execute(
                "INSERT INTO states (state, last_changed_ts, last_updated_ts, old_state_id,"
                " attributes_id, origin_idx, context_id_bin, metadata_id)"
                " VALUES (?, NULL, ?, ?, ?, 0, ?, ?)",
                (
                    s["state"],
                    ts,
                    last_state_id.get(entity_id),
                    attr_ids[shared],
                    os.urandom(16),
                    meta_ids[entity_id],
                ),
            )
            last_state_id[entity_id] = cur.lastrowid
            inserted += 1
        run_start = _add_recorder_run(db)
    db.close()
    print(json.dumps({"inserted": inserted, "entities": len(meta_ids), "run_start": run_start}))


def _add_recorder_run(db: sqlite3.Connection) -> str | None:
    """A closed run from just before the oldest state to the start of HA's first own run."""
    (first_ts,) = db.execute("SELECT MIN(last_updated_ts) FROM states").fetchone()
    if first_ts is None:
        return None
    (own_start,) = db.execute("SELECT MIN(start) FROM recorder_runs").fetchone()
    start = datetime.fromtimestamp(first_ts - 1, tz=timezone.utc)
    fmt = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's SQLite DATETIME text, UTC without offset
    if own_start is not None and start.strftime(fmt) >= own_start:
        return None
    end = own_start or (datetime.now(tz=timezone.utc) - timedelta(seconds=1)).strftime(fmt)
    db.execute(
        "INSERT INTO recorder_runs (start, end, closed_incorrect, created) VALUES (?, ?, 0, ?)",
        (start.strftime(fmt), end, datetime.now(tz=timezone.utc).strftime(fmt)),
    )
    return start.isoformat()


if __name__ == "__main__":
    main()
