using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Persistence;

namespace RadioStudio.Engine.Show.Memory;

/// <summary>
/// A small store's own connection to the studio's SQLite file. Opened on first use, after the repository has
/// created or upgraded the schema, so every store sees the migrations; one lock per store keeps its connection
/// single-threaded (SQLite in WAL mode lets the engine's connection write at the same time).
/// </summary>
public sealed class MemoryDatabase(IOptions<StorageOptions> storage, IStudioRepository repository) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;

    /// <summary>Runs <paramref name="work"/> on the open connection, one caller at a time.</summary>
    public async Task<T> RunAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is null)
            {
                await repository.InitializeAsync(cancellationToken).ConfigureAwait(false);
                var connection = new SqliteConnection(new SqliteConnectionStringBuilder
                {
                    DataSource = storage.Value.DatabaseFile,
                    Mode = SqliteOpenMode.ReadWrite,
                    Pooling = false,
                }.ToString());
                connection.Open();
                using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";
                pragma.ExecuteNonQuery();
                _connection = connection;
            }

            return work(_connection);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs a write that returns nothing.</summary>
    public Task RunAsync(Action<SqliteConnection> work, CancellationToken cancellationToken = default) =>
        RunAsync(c => { work(c); return 0; }, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        _connection?.Dispose();
        _gate.Dispose();
    }
}
