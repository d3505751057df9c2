using Microsoft.Data.Sqlite;

namespace RadioStudio.Engine.Persistence;

/// <summary>
/// Versioned schema: migration N runs once, in a transaction, when <c>PRAGMA user_version</c> is below N.
/// Later capabilities append migrations; existing ones never change, so no data is ever wiped.
/// </summary>
internal static class SqliteMigrations
{
    private static readonly string[] Steps =
    [
        // 1: shows, transcript, settings
        """
        CREATE TABLE shows (
            id          TEXT PRIMARY KEY,
            title       TEXT NOT NULL,
            started_ms  INTEGER NOT NULL,
            ended_ms    INTEGER NULL
        );
        CREATE INDEX ix_shows_started ON shows(started_ms);
        CREATE TABLE transcript_entries (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            show_id     TEXT NOT NULL REFERENCES shows(id),
            start_ms    INTEGER NOT NULL,
            end_ms      INTEGER NOT NULL,
            speaker     TEXT NOT NULL,
            kind        TEXT NOT NULL,
            text        TEXT NOT NULL
        );
        CREATE INDEX ix_transcript_show ON transcript_entries(show_id, id);
        CREATE TABLE settings (
            key         TEXT PRIMARY KEY,
            value       TEXT NOT NULL
        );
        """,

        // 2: phone calls and every transition they go through
        """
        CREATE TABLE calls (
            id          TEXT PRIMARY KEY,
            show_id     TEXT NULL REFERENCES shows(id),
            call_sid    TEXT NOT NULL,
            number      TEXT NOT NULL,
            name        TEXT NULL,
            topic       TEXT NULL,
            notes       TEXT NULL,
            simulated   INTEGER NOT NULL DEFAULT 0,
            arrived_ms  INTEGER NOT NULL,
            ended_ms    INTEGER NULL,
            end_reason  TEXT NULL
        );
        CREATE INDEX ix_calls_number ON calls(number);
        CREATE INDEX ix_calls_show ON calls(show_id);
        CREATE TABLE call_events (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            call_id     TEXT NOT NULL REFERENCES calls(id),
            at_ms       INTEGER NOT NULL,
            status      TEXT NOT NULL,
            detail      TEXT NULL
        );
        CREATE INDEX ix_call_events_call ON call_events(call_id, id);
        """,

        // 3: one record per ended call (AI or phone), with its transcript span and, once written, its summary.
        // Offsets are relative to the show's ON AIR; summary_source is NULL while the summary is pending.
        """
        CREATE TABLE call_records (
            id               TEXT PRIMARY KEY,
            show_id          TEXT NOT NULL REFERENCES shows(id),
            kind             TEXT NOT NULL CHECK (kind IN ('ai', 'phone')),
            name             TEXT NOT NULL,
            number           TEXT NULL,
            started_ms       INTEGER NOT NULL,
            ended_ms         INTEGER NOT NULL,
            start_offset_ms  INTEGER NOT NULL,
            end_offset_ms    INTEGER NOT NULL,
            end_reason       TEXT NOT NULL,
            first_entry_id   INTEGER NULL,
            last_entry_id    INTEGER NULL,
            summary          TEXT NULL,
            summary_source   TEXT NULL CHECK (summary_source IN ('llm', 'extractive')),
            regular_id       TEXT NULL
        );
        CREATE INDEX ix_call_records_show ON call_records(show_id, start_offset_ms);
        CREATE INDEX ix_call_records_number ON call_records(number);
        CREATE INDEX ix_call_records_pending ON call_records(summary_source) WHERE summary_source IS NULL;
        """,

        // 4: show memory's returning AI callers (persona kept as JSON; retired ones stay for their history) and the
        // caller directory (phone numbers the screener named, annotated or flagged).
        """
        CREATE TABLE regulars (
            id             TEXT PRIMARY KEY,
            name           TEXT NOT NULL,
            persona_json   TEXT NOT NULL,
            created_ms     INTEGER NOT NULL,
            last_heard_ms  INTEGER NOT NULL,
            retired_ms     INTEGER NULL
        );
        CREATE INDEX ix_regulars_active ON regulars(last_heard_ms) WHERE retired_ms IS NULL;
        CREATE TABLE callers (
            number      TEXT PRIMARY KEY,
            name        TEXT NULL,
            notes       TEXT NULL,
            vip         INTEGER NOT NULL DEFAULT 0,
            blocked     INTEGER NOT NULL DEFAULT 0,
            updated_ms  INTEGER NOT NULL
        );
        """,
        // 5: the show clock leaves out the time the studio was down mid-show: downtime_ms is added up at each
        // restart from alive_ms, the last moment the studio was known running the show.
        """
        ALTER TABLE shows ADD COLUMN downtime_ms INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE shows ADD COLUMN alive_ms INTEGER;
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int LatestVersion => Steps.Length;

    public static void Apply(SqliteConnection connection)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database is schema version {version}, newer than this build understands ({LatestVersion}). Use a newer RadioStudio.");
        }

        for (var step = version; step < LatestVersion; step++)
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = Steps[step] + $"\nPRAGMA user_version = {step + 1};";
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
