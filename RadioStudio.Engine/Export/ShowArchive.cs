using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.Show.Memory;

namespace RadioStudio.Engine.Export;

/// <summary>The shows, newest first, and which export files each has; <see cref="Changed"/> fires when an export is written.</summary>
public sealed class ShowArchive(MemoryDatabase database, ShowExporter exporter)
{
    /// <summary>Raised (on a background thread) after a show's files were written.</summary>
    public event Action<string>? Changed;

    /// <summary>The most recent shows.</summary>
    public Task<IReadOnlyList<ShowSummary>> ListAsync(int limit, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<ShowSummary>>(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = """
                SELECT s.id, s.title, s.started_ms, s.ended_ms, s.downtime_ms, (SELECT COUNT(*) FROM call_records r WHERE r.show_id = s.id)
                FROM shows s ORDER BY s.started_ms DESC, s.rowid DESC LIMIT $limit;
                """;
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            var shows = new List<ShowSummary>();
            while (reader.Read())
            {
                var show = ShowRows.Read(reader);
                shows.Add(new ShowSummary(show.Id, show.Title, show.Started, show.Ended, reader.GetInt32(5)) { Duration = show.Duration ?? TimeSpan.Zero });
            }

            return shows;
        }, cancellationToken);

    /// <summary>The export files written for a show, in <see cref="ShowExporter.Files"/> order.</summary>
    public IReadOnlyList<string> FilesOf(string showId) =>
        [.. ShowExporter.Files.Where(f => File.Exists(Path.Combine(exporter.FolderOf(showId), f)))];

    /// <summary>Tells the pages that a show's files changed.</summary>
    public void Announce(string showId) => Changed?.Invoke(showId);
}
