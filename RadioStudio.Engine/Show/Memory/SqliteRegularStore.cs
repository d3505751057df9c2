using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace RadioStudio.Engine.Show.Memory;

/// <summary>The <c>regulars</c> table.</summary>
public sealed class SqliteRegularStore(MemoryDatabase database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds a regular.</summary>
    public Task InsertAsync(Regular regular, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regular);
        return database.RunAsync(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = """
                INSERT INTO regulars (id, name, persona_json, created_ms, last_heard_ms) VALUES ($id, $name, $json, $created, $heard);
                """;
            command.Parameters.AddWithValue("$id", regular.Id);
            command.Parameters.AddWithValue("$name", regular.Persona.Name);
            command.Parameters.AddWithValue("$json", JsonSerializer.Serialize(regular.Persona with { RegularId = null, PastCalls = [] }, Json));
            command.Parameters.AddWithValue("$created", regular.Created.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$heard", regular.LastHeard.ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <summary>Marks a regular heard now.</summary>
    public Task TouchAsync(string id, DateTimeOffset heard, CancellationToken cancellationToken = default) =>
        Update("UPDATE regulars SET last_heard_ms = $at WHERE id = $id;", id, heard, cancellationToken);

    /// <summary>Retires a regular (kept for their history, never drawn again).</summary>
    public Task RetireAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Update("UPDATE regulars SET retired_ms = $at WHERE id = $id;", id, at, cancellationToken);

    /// <summary>Active regulars, most recently heard first.</summary>
    public Task<IReadOnlyList<Regular>> ListActiveAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<Regular>>(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = """
                SELECT id, persona_json, created_ms, last_heard_ms, retired_ms FROM regulars
                WHERE retired_ms IS NULL ORDER BY last_heard_ms DESC, created_ms DESC;
                """;
            using var reader = command.ExecuteReader();
            var list = new List<Regular>();
            while (reader.Read())
            {
                var persona = JsonSerializer.Deserialize<Persona>(reader.GetString(1), Json)!;
                list.Add(new Regular(
                    reader.GetString(0), persona with { RegularId = reader.GetString(0) },
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                    reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
            }

            return list;
        }, cancellationToken);

    private Task Update(string sql, string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.RunAsync(c =>
        {
            using SqliteCommand command = c.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
        }, cancellationToken);
}
