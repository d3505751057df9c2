using RadioStudio.Engine.Persistence;
using Microsoft.Data.Sqlite;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Show.Memory;

/// <summary>The <c>call_records</c> table: one row per ended call, its summary written later.</summary>
public sealed class SqliteCallRecordStore(MemoryDatabase database)
{
    private const string Columns = """
        id, show_id, kind, name, number, started_ms, ended_ms, start_offset_ms, end_offset_ms, end_reason,
        first_entry_id, last_entry_id, summary, summary_source, regular_id
        """;

    /// <summary>Writes a new record (its summary pending unless given).</summary>
    public Task InsertAsync(CallRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return database.RunAsync(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = $"""
                INSERT OR IGNORE INTO call_records ({Columns}) VALUES ($id, $show, $kind, $name, $number, $started, $ended,
                    $startOffset, $endOffset, $reason, $first, $last, $summary, $source, $regular);
                """;
            command.Parameters.AddWithValue("$id", record.Id);
            command.Parameters.AddWithValue("$show", record.ShowId);
            command.Parameters.AddWithValue("$kind", record.Kind == PartyKind.Ai ? "ai" : "phone");
            command.Parameters.AddWithValue("$name", record.Name);
            command.Parameters.AddWithValue("$number", (object?)record.Number ?? DBNull.Value);
            command.Parameters.AddWithValue("$started", record.Started.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$ended", record.Ended.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$startOffset", (long)record.StartOffset.TotalMilliseconds);
            command.Parameters.AddWithValue("$endOffset", (long)record.EndOffset.TotalMilliseconds);
            command.Parameters.AddWithValue("$reason", record.EndReason);
            command.Parameters.AddWithValue("$first", (object?)record.FirstEntryId ?? DBNull.Value);
            command.Parameters.AddWithValue("$last", (object?)record.LastEntryId ?? DBNull.Value);
            command.Parameters.AddWithValue("$summary", (object?)record.Summary ?? DBNull.Value);
            command.Parameters.AddWithValue("$source", (object?)SourceText(record.SummarySource) ?? DBNull.Value);
            command.Parameters.AddWithValue("$regular", (object?)record.RegularId ?? DBNull.Value);
            command.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <summary>Writes a record's summary.</summary>
    public Task SetSummaryAsync(string id, string summary, SummarySource source, CancellationToken cancellationToken = default) =>
        database.RunAsync(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "UPDATE call_records SET summary = $summary, summary_source = $source WHERE id = $id;";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$summary", summary);
            command.Parameters.AddWithValue("$source", SourceText(source));
            command.ExecuteNonQuery();
        }, cancellationToken);

    /// <summary>Links a record to the AI regular the caller is (or just became).</summary>
    public Task SetRegularAsync(string id, string regularId, CancellationToken cancellationToken = default) =>
        database.RunAsync(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "UPDATE call_records SET regular_id = $regular WHERE id = $id;";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$regular", regularId);
            command.ExecuteNonQuery();
        }, cancellationToken);

    /// <summary>One record, or null.</summary>
    public async Task<CallRecord?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var found = await QueryAsync("WHERE id = $p", id, cancellationToken).ConfigureAwait(false);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>A show's calls in the order they started.</summary>
    public Task<IReadOnlyList<CallRecord>> ListShowAsync(string showId, CancellationToken cancellationToken = default) =>
        QueryAsync("WHERE show_id = $p ORDER BY start_offset_ms, ended_ms", showId, cancellationToken);

    /// <summary>Every record whose summary is still pending, oldest first.</summary>
    public Task<IReadOnlyList<CallRecord>> ListPendingAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("WHERE summary_source IS NULL ORDER BY ended_ms", null, cancellationToken);

    /// <summary>A phone number's calls, newest first.</summary>
    public Task<IReadOnlyList<CallRecord>> ListByNumberAsync(string number, CancellationToken cancellationToken = default) =>
        QueryAsync("WHERE number = $p ORDER BY ended_ms DESC", number, cancellationToken);

    /// <summary>An AI regular's calls, oldest first.</summary>
    public Task<IReadOnlyList<CallRecord>> ListByRegularAsync(string regularId, CancellationToken cancellationToken = default) =>
        QueryAsync("WHERE regular_id = $p ORDER BY ended_ms", regularId, cancellationToken);

    /// <summary>
    /// Widens a record's span to every transcript line that started during the call (the studio's notes aside),
    /// including lines transcribed after it ended; returns the record as stored.
    /// </summary>
    public Task<CallRecord> RefreshSpanAsync(CallRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return database.RunAsync(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = """
                SELECT MIN(id), MAX(id) FROM transcript_entries
                WHERE show_id = $show AND kind <> 'System' AND start_ms >= $from AND start_ms <= $to;
                """;
            command.Parameters.AddWithValue("$show", record.ShowId);
            command.Parameters.AddWithValue("$from", (long)record.StartOffset.TotalMilliseconds - 1000);
            command.Parameters.AddWithValue("$to", (long)record.EndOffset.TotalMilliseconds);
            using var reader = command.ExecuteReader();
            if (!reader.Read() || reader.IsDBNull(0))
            {
                return record;
            }

            var spanned = record with
            {
                FirstEntryId = Math.Min(reader.GetInt64(0), record.FirstEntryId ?? long.MaxValue),
                LastEntryId = Math.Max(reader.GetInt64(1), record.LastEntryId ?? long.MinValue),
            };
            reader.Close();
            using var update = c.CreateCommand();
            update.CommandText = "UPDATE call_records SET first_entry_id = $first, last_entry_id = $last WHERE id = $id;";
            update.Parameters.AddWithValue("$id", record.Id);
            update.Parameters.AddWithValue("$first", spanned.FirstEntryId);
            update.Parameters.AddWithValue("$last", spanned.LastEntryId);
            update.ExecuteNonQuery();
            return spanned;
        }, cancellationToken);
    }

    /// <summary>The transcript lines a record spans (everyone who spoke: host, callers, AI callers), in order.</summary>
    public Task<IReadOnlyList<TranscriptEntry>> ReadSpanAsync(CallRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.FirstEntryId is not { } first || record.LastEntryId is not { } last)
        {
            return Task.FromResult<IReadOnlyList<TranscriptEntry>>([]);
        }

        return database.RunAsync<IReadOnlyList<TranscriptEntry>>(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = $"""
                SELECT {TranscriptRows.Columns} FROM transcript_entries
                WHERE show_id = $show AND id BETWEEN $first AND $last ORDER BY id;
                """;
            command.Parameters.AddWithValue("$show", record.ShowId);
            command.Parameters.AddWithValue("$first", first);
            command.Parameters.AddWithValue("$last", last);
            return TranscriptRows.ReadAll(command);
        }, cancellationToken);
    }

    private Task<IReadOnlyList<CallRecord>> QueryAsync(string where, string? parameter, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<CallRecord>>(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM call_records {where};";
            if (parameter is not null)
            {
                command.Parameters.AddWithValue("$p", parameter);
            }

            using var reader = command.ExecuteReader();
            var records = new List<CallRecord>();
            while (reader.Read())
            {
                records.Add(Read(reader));
            }

            return records;
        }, cancellationToken);

    private static CallRecord Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2) == "ai" ? PartyKind.Ai : PartyKind.Phone, r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)),
        TimeSpan.FromMilliseconds(r.GetInt64(7)), TimeSpan.FromMilliseconds(r.GetInt64(8)), r.GetString(9),
        r.IsDBNull(10) ? null : r.GetInt64(10), r.IsDBNull(11) ? null : r.GetInt64(11),
        r.IsDBNull(12) ? null : r.GetString(12),
        r.IsDBNull(13) ? null : r.GetString(13) == "llm" ? Memory.SummarySource.Llm : Memory.SummarySource.Extractive,
        r.IsDBNull(14) ? null : r.GetString(14));

    private static string? SourceText(SummarySource? source) => source switch
    {
        Memory.SummarySource.Llm => "llm",
        Memory.SummarySource.Extractive => "extractive",
        _ => null,
    };
}
