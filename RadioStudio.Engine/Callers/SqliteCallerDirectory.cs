using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using RadioStudio.Engine.Show.Memory;

namespace RadioStudio.Engine.Callers;

/// <summary>
/// The caller directory on the studio database: the <c>callers</c> table (saved name, notes, flags) joined with the
/// <c>calls</c> the phone system logs and the <c>call_records</c> show memory writes. Blocked numbers are also held
/// in memory so the call webhook never waits on the disk.
/// </summary>
public sealed class SqliteCallerDirectory(MemoryDatabase database, TimeProvider time) : ICallerDirectory
{
    private readonly ConcurrentDictionary<string, bool> _blocked = new(StringComparer.Ordinal);
    private int _loaded;

    /// <summary>Loads the blocked numbers into memory (once).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _loaded, 1) != 0)
        {
            return;
        }

        var numbers = await database.RunAsync(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "SELECT number FROM callers WHERE blocked = 1;";
            using var reader = command.ExecuteReader();
            var list = new List<string>();
            while (reader.Read())
            {
                list.Add(reader.GetString(0));
            }

            return list;
        }, cancellationToken).ConfigureAwait(false);
        foreach (var number in numbers)
        {
            _blocked[number] = true;
        }
    }

    /// <inheritdoc />
    public bool IsBlocked(string number) => _blocked.ContainsKey(number);

    /// <inheritdoc />
    public async Task<CallerProfile> LookupAsync(string number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        var found = await SearchCoreAsync("WHERE n.number = $p", number, cancellationToken).ConfigureAwait(false);
        return found.Count > 0 ? found[0] : new CallerProfile(number, null, null, 0, null, null, false, false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CallerProfile>> SearchAsync(string? text, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(text)
            ? SearchCoreAsync("", null, cancellationToken)
            : SearchCoreAsync("WHERE n.number LIKE $p OR d.name LIKE $p OR d.notes LIKE $p", "%" + text.Trim() + "%", cancellationToken);

    /// <inheritdoc />
    public Task SaveDetailsAsync(string number, string? name, string? notes, CancellationToken cancellationToken = default) =>
        database.RunAsync(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = """
                INSERT INTO callers (number, name, notes, updated_ms) VALUES ($number, $name, $notes, $at)
                ON CONFLICT(number) DO UPDATE SET name = COALESCE($name, name), notes = COALESCE($notes, notes), updated_ms = $at;
                """;
            command.Parameters.AddWithValue("$number", number);
            command.Parameters.AddWithValue("$name", Blank(name));
            command.Parameters.AddWithValue("$notes", Blank(notes));
            command.Parameters.AddWithValue("$at", time.GetUtcNow().ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
        }, cancellationToken);

    /// <inheritdoc />
    public async Task SetFlagsAsync(string number, bool vip, bool blocked, CancellationToken cancellationToken = default)
    {
        await database.RunAsync(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = """
                INSERT INTO callers (number, vip, blocked, updated_ms) VALUES ($number, $vip, $blocked, $at)
                ON CONFLICT(number) DO UPDATE SET vip = $vip, blocked = $blocked, updated_ms = $at;
                """;
            command.Parameters.AddWithValue("$number", number);
            command.Parameters.AddWithValue("$vip", vip ? 1 : 0);
            command.Parameters.AddWithValue("$blocked", blocked ? 1 : 0);
            command.Parameters.AddWithValue("$at", time.GetUtcNow().ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
        if (blocked)
        {
            _blocked[number] = true;
        }
        else
        {
            _blocked.TryRemove(number, out _);
        }
    }

    private Task<IReadOnlyList<CallerProfile>> SearchCoreAsync(string where, string? parameter, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<CallerProfile>>(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = $"""
                WITH n AS (SELECT number FROM callers UNION SELECT number FROM calls WHERE ended_ms IS NOT NULL)
                SELECT n.number, d.name, d.notes,
                    (SELECT COUNT(*) FROM calls k WHERE k.number = n.number AND k.ended_ms IS NOT NULL),
                    (SELECT MAX(arrived_ms) FROM calls k WHERE k.number = n.number AND k.ended_ms IS NOT NULL),
                    (SELECT summary FROM call_records r WHERE r.number = n.number AND r.summary IS NOT NULL ORDER BY r.ended_ms DESC LIMIT 1),
                    COALESCE(d.vip, 0), COALESCE(d.blocked, 0)
                FROM n LEFT JOIN callers d ON d.number = n.number
                {where}
                ORDER BY 5 DESC, d.updated_ms DESC LIMIT 500;
                """;
            if (parameter is not null)
            {
                command.Parameters.AddWithValue("$p", parameter);
            }

            using var reader = command.ExecuteReader();
            var list = new List<CallerProfile>();
            while (reader.Read())
            {
                list.Add(Read(reader));
            }

            return list;
        }, cancellationToken);

    private static CallerProfile Read(SqliteDataReader r) => new(
        r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt32(3),
        r.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)), r.IsDBNull(5) ? null : r.GetString(5),
        r.GetInt64(6) != 0, r.GetInt64(7) != 0);

    private static object Blank(string? value) => string.IsNullOrWhiteSpace(value) ? DBNull.Value : value.Trim();
}
