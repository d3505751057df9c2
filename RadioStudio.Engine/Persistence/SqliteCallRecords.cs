using Microsoft.Data.Sqlite;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Persistence;

/// <summary>The SQL for calls and call events, kept apart from shows and transcript.</summary>
internal static class SqliteCallRecords
{
    public static void Insert(SqliteConnection connection, PhoneLineState line, string? showId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO calls (id, show_id, call_sid, number, name, topic, notes, simulated, arrived_ms)
            VALUES ($id, $show, $sid, $number, $name, $topic, $notes, $simulated, $arrived);
            INSERT INTO call_events (call_id, at_ms, status, detail) VALUES ($id, $arrived, $status, NULL);
            """;
        command.Parameters.AddWithValue("$id", line.Id);
        command.Parameters.AddWithValue("$show", (object?)showId ?? DBNull.Value);
        command.Parameters.AddWithValue("$sid", line.CallSid);
        command.Parameters.AddWithValue("$number", line.Number);
        AddDetails(command, line);
        command.Parameters.AddWithValue("$simulated", line.Simulated ? 1 : 0);
        command.Parameters.AddWithValue("$arrived", line.Arrived.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$status", line.Status.ToString());
        command.ExecuteNonQuery();
    }

    public static void RecordEvent(SqliteConnection connection, PhoneLineState line, DateTimeOffset at, string status, string? detail)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE calls SET name = $name, topic = $topic, notes = $notes WHERE id = $id;
            INSERT INTO call_events (call_id, at_ms, status, detail) VALUES ($id, $at, $status, $detail);
            """;
        command.Parameters.AddWithValue("$id", line.Id);
        AddDetails(command, line);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$status", status);
        command.Parameters.AddWithValue("$detail", (object?)detail ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    public static void End(SqliteConnection connection, string lineId, DateTimeOffset at, string reason)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE calls SET ended_ms = $at, end_reason = $reason WHERE id = $id AND ended_ms IS NULL;
            INSERT INTO call_events (call_id, at_ms, status, detail) VALUES ($id, $at, 'Ended', $reason);
            """;
        command.Parameters.AddWithValue("$id", lineId);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$reason", reason);
        command.ExecuteNonQuery();
    }

    public static int CloseOrphans(SqliteConnection connection, DateTimeOffset at)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO call_events (call_id, at_ms, status, detail)
                SELECT id, $at, 'Ended', 'studio restarted' FROM calls WHERE ended_ms IS NULL;
            UPDATE calls SET ended_ms = $at, end_reason = 'studio restarted' WHERE ended_ms IS NULL;
            """;
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        return command.ExecuteNonQuery() / 2;
    }

    private static void AddDetails(SqliteCommand command, PhoneLineState line)
    {
        command.Parameters.AddWithValue("$name", (object?)line.Name ?? DBNull.Value);
        command.Parameters.AddWithValue("$topic", (object?)line.Topic ?? DBNull.Value);
        command.Parameters.AddWithValue("$notes", (object?)line.Notes ?? DBNull.Value);
    }
}
