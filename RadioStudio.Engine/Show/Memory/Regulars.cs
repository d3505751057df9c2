using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Speech;

namespace RadioStudio.Engine.Show.Memory;

/// <summary>
/// AI regulars: promoted by the host (Make regular) or, rarely, after a long call; at most
/// <see cref="ShowMemoryOptions.MaxRegulars"/> kept (the least recently heard retired); 2–3 of them get board slots
/// in each new show, with their past summaries in their prompt.
/// </summary>
public sealed partial class Regulars(
    SqliteRegularStore store, SqliteCallRecordStore records, ShowHistory history, TimeProvider time,
    IOptions<ShowMemoryOptions> options, ILogger<Regulars> logger)
{
    private readonly ConcurrentDictionary<string, Persona> _personaByRecord = new(StringComparer.Ordinal);

    /// <summary>The dice for automatic promotion and board draws (tests seed it).</summary>
    internal Random Random { get; set; } = Random.Shared;

    /// <summary>Active regulars, most recently heard first.</summary>
    public Task<IReadOnlyList<Regular>> ListAsync(CancellationToken cancellationToken = default) => store.ListActiveAsync(cancellationToken);

    /// <summary>True when the AI call <paramref name="recordId"/> can still be made a regular (its persona is known).</summary>
    public bool CanPromote(string recordId) => _personaByRecord.TryGetValue(recordId, out var persona) && persona.RegularId is null;

    /// <summary>An AI call ended: remember who it was; a regular is heard now; a long call may promote the caller.</summary>
    public async Task CallEndedAsync(Persona persona, CallRecord record, int exchanges)
    {
        ArgumentNullException.ThrowIfNull(persona);
        ArgumentNullException.ThrowIfNull(record);
        _personaByRecord[record.Id] = persona;
        if (persona.RegularId is { } id)
        {
            await store.TouchAsync(id, time.GetUtcNow()).ConfigureAwait(false);
            return;
        }

        if (exchanges >= options.Value.AutoRegularMinExchanges && Random.NextDouble() < options.Value.AutoRegularChance)
        {
            await PromoteAsync(record.Id).ConfigureAwait(false);
        }
    }

    /// <summary>Makes the AI caller of <paramref name="recordId"/> a regular; returns the regular id (null if unknown).</summary>
    public async Task<string?> PromoteAsync(string recordId, CancellationToken cancellationToken = default)
    {
        if (!_personaByRecord.TryGetValue(recordId, out var persona))
        {
            return null;
        }

        if (persona.RegularId is { } existing)
        {
            return existing;
        }

        var now = time.GetUtcNow();
        var id = "R" + Guid.NewGuid().ToString("N")[..12];
        await store.InsertAsync(new Regular(id, persona, now, now, null), cancellationToken).ConfigureAwait(false);
        _personaByRecord[recordId] = persona with { RegularId = id };
        await records.SetRegularAsync(recordId, id, cancellationToken).ConfigureAwait(false);
        LogPromoted(logger, persona.Name);
        if (await records.FindAsync(recordId, cancellationToken).ConfigureAwait(false) is { } record)
        {
            await history.UpdateAsync(record, cancellationToken).ConfigureAwait(false);
        }

        var active = await store.ListActiveAsync(cancellationToken).ConfigureAwait(false);
        foreach (var retired in active.Skip(options.Value.MaxRegulars))
        {
            await store.RetireAsync(retired.Id, now, cancellationToken).ConfigureAwait(false);
            LogRetired(logger, retired.Persona.Name);
        }

        return id;
    }

    /// <summary>
    /// The regulars for a new show's board (2–3 when that many exist), each with their past summaries, and the
    /// names of every active regular (never drawn for new callers).
    /// </summary>
    public async Task<(IReadOnlyList<Persona> OnBoard, IReadOnlyList<string> Names)> ForNewShowAsync(CancellationToken cancellationToken = default)
    {
        var active = await store.ListActiveAsync(cancellationToken).ConfigureAwait(false);
        var wanted = Math.Min(active.Count, Random.Next(options.Value.RegularSlotsMin, Math.Max(options.Value.RegularSlotsMin, options.Value.RegularSlotsMax) + 1));
        var chosen = active.OrderBy(_ => Random.Next()).Take(wanted).ToList();
        var board = new List<Persona>();
        foreach (var regular in chosen)
        {
            var past = await records.ListByRegularAsync(regular.Id, cancellationToken).ConfigureAwait(false);
            board.Add(regular.Persona with
            {
                PastCalls = [.. past.Where(r => r.Summary is not null).Select(r => $"{r.Ended:yyyy-MM-dd}: {r.Summary}")],
            });
        }

        return (board, [.. active.Select(r => r.Persona.Name)]);
    }

    /// <summary>Places regulars on a freshly drawn board, each in a slot of their gender where possible.</summary>
    public static Persona[] Seat(IReadOnlyList<Persona> board, IReadOnlyList<Persona> regulars)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(regulars);
        var seats = board.ToArray();
        var taken = new HashSet<int>();
        foreach (var regular in regulars)
        {
            var slot = Enumerable.Range(0, seats.Length).FirstOrDefault(i => !taken.Contains(i) && PersonaGenerator.GenderForSlot(i) == regular.Gender, -1);
            slot = slot >= 0 ? slot : Enumerable.Range(0, seats.Length).FirstOrDefault(i => !taken.Contains(i), -1);
            if (slot < 0)
            {
                break;
            }

            taken.Add(slot);
            seats[slot] = regular;
        }

        return seats;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Name} is now a regular")]
    private static partial void LogPromoted(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Name} retired from the regulars (the least recently heard)")]
    private static partial void LogRetired(ILogger logger, string name);
}
