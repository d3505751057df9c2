using Microsoft.Data.Sqlite;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Persistence;

/// <summary>Reading <c>transcript_entries</c> rows: one column list and one mapping for every reader of the transcript.</summary>
internal static class TranscriptRows
{
    /// <summary>The columns <see cref="ReadAll"/> expects, in order.</summary>
    public const string Columns = "id, start_ms, end_ms, speaker, kind, text";

    /// <summary>Runs <paramref name="command"/> (which selects <see cref="Columns"/>) and maps every row.</summary>
    public static List<TranscriptEntry> ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var entries = new List<TranscriptEntry>();
        while (reader.Read())
        {
            entries.Add(new TranscriptEntry(
                reader.GetInt64(0), TimeSpan.FromMilliseconds(reader.GetInt64(1)), TimeSpan.FromMilliseconds(reader.GetInt64(2)),
                reader.GetString(3), Enum.TryParse<PartyKind>(reader.GetString(4), out var kind) ? kind : PartyKind.System, reader.GetString(5)));
        }

        return entries;
    }
}
