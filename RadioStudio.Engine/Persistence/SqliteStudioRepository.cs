using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Providers;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Persistence;

/// <summary>
/// SQLite file in the data folder, WAL mode. One connection, used by the engine loop (the single writer);
/// a lock keeps it safe should anything else call in. synchronous=NORMAL in WAL survives a process crash.
/// </summary>
public sealed class SqliteStudioRepository(IOptions<StorageOptions> options) : IStudioRepository, IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;

    /// <summary>The database file this repository writes.</summary>
    public string DatabaseFile { get; } = options.Value.DatabaseFile;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_connection is not null)
            {
                return Task.CompletedTask;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(DatabaseFile)!);
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = DatabaseFile,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
            }.ToString());
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;");
            SqliteMigrations.Apply(connection);
            _connection = connection;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RestoredStudio> LoadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var connection = Open();
            ShowInfo? show = null;
            DateTimeOffset? aliveAt = null;
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT id, title, started_ms, ended_ms, downtime_ms, alive_ms FROM shows ORDER BY started_ms DESC, rowid DESC LIMIT 1;";
                using var reader = command.ExecuteReader();
                if (reader.Read())
                {
                    show = ShowRows.Read(reader);
                    aliveAt = reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5));
                }
            }

            var transcript = show is null ? [] : ReadTranscript(connection, show.Id);
            return Task.FromResult(new RestoredStudio(show, transcript, ReadSettings(connection), DatabaseFile, aliveAt));
        }
    }

    /// <inheritdoc />
    public Task InsertShowAsync(ShowInfo show, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(show);
        lock (_gate)
        {
            using var command = Open().CreateCommand();
            command.CommandText = "INSERT INTO shows (id, title, started_ms, ended_ms, alive_ms) VALUES ($id, $title, $started, $ended, $started);";
            command.Parameters.AddWithValue("$id", show.Id);
            command.Parameters.AddWithValue("$title", show.Title);
            command.Parameters.AddWithValue("$started", show.Started.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$ended", (object?)show.Ended?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task MarkShowAliveAsync(string showId, DateTimeOffset at, TimeSpan addDowntime, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            using var command = Open().CreateCommand();
            command.CommandText = "UPDATE shows SET alive_ms = $at, downtime_ms = downtime_ms + $down WHERE id = $id;";
            command.Parameters.AddWithValue("$id", showId);
            command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$down", (long)addDowntime.TotalMilliseconds);
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task EndShowAsync(string showId, DateTimeOffset ended, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            using var command = Open().CreateCommand();
            command.CommandText = "UPDATE shows SET ended_ms = $ended WHERE id = $id;";
            command.Parameters.AddWithValue("$id", showId);
            command.Parameters.AddWithValue("$ended", ended.ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<long> InsertTranscriptEntryAsync(string showId, TranscriptEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            using var command = Open().CreateCommand();
            command.CommandText = """
                INSERT INTO transcript_entries (show_id, start_ms, end_ms, speaker, kind, text)
                VALUES ($show, $start, $end, $speaker, $kind, $text) RETURNING id;
                """;
            command.Parameters.AddWithValue("$show", showId);
            command.Parameters.AddWithValue("$start", (long)entry.Start.TotalMilliseconds);
            command.Parameters.AddWithValue("$end", (long)entry.End.TotalMilliseconds);
            command.Parameters.AddWithValue("$speaker", entry.Speaker);
            command.Parameters.AddWithValue("$kind", entry.Kind.ToString());
            command.Parameters.AddWithValue("$text", entry.Text);
            return Task.FromResult(Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture));
        }
    }

    /// <inheritdoc />
    public Task InsertCallAsync(PhoneLineState line, string? showId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            SqliteCallRecords.Insert(Open(), line, showId);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RecordCallEventAsync(PhoneLineState line, DateTimeOffset at, string status, string? detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            SqliteCallRecords.RecordEvent(Open(), line, at, status, detail);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> CallSidKnownAsync(string callSid, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            using var command = Open().CreateCommand();
            command.CommandText = "SELECT EXISTS (SELECT 1 FROM calls WHERE call_sid = $sid);";
            command.Parameters.AddWithValue("$sid", callSid);
            return Task.FromResult(Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) != 0);
        }
    }

    /// <inheritdoc />
    public Task EndCallAsync(string lineId, DateTimeOffset at, string reason, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            SqliteCallRecords.End(Open(), lineId, at, reason);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> CloseOrphanedCallsAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(SqliteCallRecords.CloseOrphans(Open(), at));
        }
    }

    /// <inheritdoc />
    public Task SaveSettingAsync(string key, string value, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            using var command = Open().CreateCommand();
            command.CommandText = "INSERT INTO settings (key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value;";
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$value", value);
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    /// <summary>Closes the database.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _connection?.Dispose();
            _connection = null;
        }
    }

    private SqliteConnection Open() =>
        _connection ?? throw new InvalidOperationException("The studio database is not open; call InitializeAsync first.");

    private static ImmutableList<TranscriptEntry> ReadTranscript(SqliteConnection connection, string showId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {TranscriptRows.Columns} FROM transcript_entries WHERE show_id = $show ORDER BY id;";
        command.Parameters.AddWithValue("$show", showId);
        return [.. TranscriptRows.ReadAll(command)];
    }

    private static StudioSettings ReadSettings(SqliteConnection connection)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT key, value FROM settings;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                values[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var defaults = StudioSettings.Defaults;
        return new StudioSettings(
            values.TryGetValue(SettingKeys.RespondMode, out var mode) && Enum.TryParse<RespondMode>(mode, out var parsed) ? parsed : defaults.RespondMode,
            values.TryGetValue(SettingKeys.AutoFollowUp, out var follow) && bool.TryParse(follow, out var auto) ? auto : defaults.AutoFollowUp,
            values.TryGetValue(SettingKeys.Routing, out var routing) ? RoutingJson.TryParse(routing) : null,
            values.TryGetValue(SettingKeys.AiProviders, out var providers) ? AiProviderChoicesJson.TryParse(providers) : null);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
