using System.Collections.Concurrent;

namespace RadioStudio.Engine.Export;

/// <summary>
/// Every export in flight or finished since the studio started, for the shows page's status and progress bar.
/// <see cref="Changed"/> fires on each new phase and at most every whole percent of the render, so a page is
/// pushed about a hundred updates per render, never one per audio block.
/// </summary>
public sealed class ExportProgressBoard
{
    private readonly ConcurrentDictionary<string, ExportProgress> _shows = new(StringComparer.Ordinal);

    /// <summary>Raised (on a background thread) with the show whose export moved on.</summary>
    public event Action<string>? Changed;

    /// <summary>The show's export progress, or null when none ran since the studio started.</summary>
    public ExportProgress? Of(string showId) => _shows.TryGetValue(showId, out var progress) ? progress : null;

    /// <summary>Records the show's progress; tells the pages when it visibly moved.</summary>
    public void Report(string showId, ExportProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var previous = _shows.TryGetValue(showId, out var seen) ? seen : null;
        _shows[showId] = progress;
        if (previous is null || previous.Phase != progress.Phase || Percent(previous) != Percent(progress))
        {
            Changed?.Invoke(showId);
        }
    }

    private static int Percent(ExportProgress progress) => (int)((progress.Fraction ?? 0) * 100);
}
