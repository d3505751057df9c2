using Microsoft.Data.Sqlite;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.Show.Memory;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Export;

/// <summary>Reads a show's timeline from the studio database: the show, its transcript and its call records.</summary>
public sealed class ShowTimelineReader(MemoryDatabase database, SqliteCallRecordStore calls)
{
    /// <summary>The show with this id (or the most recent one for <c>latest</c>); null when there is none.</summary>
    public async Task<ShowTimeline?> ReadAsync(string showId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(showId);
        var read = await database.RunAsync(c =>
        {
            var show = ReadShow(c, showId);
            return show is null ? default : (show, ReadEntries(c, show.Id));
        }, cancellationToken).ConfigureAwait(false);
        if (read.show is null)
        {
            return null;
        }

        var records = await calls.ListShowAsync(read.show.Id, cancellationToken).ConfigureAwait(false);
        return new ShowTimeline(read.show, read.Item2, [.. records.OrderBy(r => r.StartOffset)]);
    }

    private static ShowInfo? ReadShow(SqliteConnection connection, string showId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = showId == "latest"
            ? $"SELECT {ShowRows.Columns} FROM shows ORDER BY started_ms DESC, rowid DESC LIMIT 1;"
            : $"SELECT {ShowRows.Columns} FROM shows WHERE id = $id;";
        command.Parameters.AddWithValue("$id", showId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ShowRows.Read(reader) : null;
    }

    private static List<TranscriptEntry> ReadEntries(SqliteConnection connection, string showId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {TranscriptRows.Columns} FROM transcript_entries WHERE show_id = $show ORDER BY start_ms, id;";
        command.Parameters.AddWithValue("$show", showId);
        return TranscriptRows.ReadAll(command);
    }
}
