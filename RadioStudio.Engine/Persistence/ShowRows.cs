using Microsoft.Data.Sqlite;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Persistence;

/// <summary>Reads a show from a row that starts <c>id, title, started_ms, ended_ms, downtime_ms</c> (one reader for every query of shows).</summary>
internal static class ShowRows
{
    /// <summary>The columns, in the order <see cref="Read"/> expects.</summary>
    public const string Columns = "id, title, started_ms, ended_ms, downtime_ms";

    public static ShowInfo Read(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
            reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)))
        {
            Downtime = TimeSpan.FromMilliseconds(reader.GetInt64(4)),
        };
}
