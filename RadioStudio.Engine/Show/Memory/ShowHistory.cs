using System.Collections.Immutable;
using Microsoft.Extensions.Hosting;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Show.Memory;

/// <summary>
/// The show so far: keeps <see cref="StudioState.ShowHistory"/> equal to the stored call records of the show on
/// the state (loaded again when the show changes, so it survives a restart), and turns it into the prompt's
/// EARLIER IN THE SHOW lines.
/// </summary>
public sealed class ShowHistory(StudioEngine engine, SqliteCallRecordStore store) : IHostedService, IDisposable
{
    private IDisposable? _subscription;
    private string? _loadedShow;

    /// <summary>The summary shown while one is still being written.</summary>
    public const string PendingText = "Summary on its way…";

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = engine.Subscribe(OnStateAsync, TimeSpan.Zero);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Adds a new record or replaces it (its summary arrived) in the show so far.</summary>
    public Task UpdateAsync(CallRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return engine.PostAsync(new UpdateMemoryStateCommand(s =>
        {
            if (s.Show?.Id != record.ShowId)
            {
                return s;
            }

            var index = s.ShowHistory.FindIndex(r => r.Id == record.Id);
            var list = index >= 0 ? s.ShowHistory.SetItem(index, record) : s.ShowHistory.Add(record);
            return s with { ShowHistory = [.. list.OrderBy(r => r.StartOffset).ThenBy(r => r.Ended)] };
        }), cancellationToken);
    }

    /// <summary>The prompt's EARLIER IN THE SHOW lines from the show so far (calls whose summary is written).</summary>
    public static IReadOnlyList<EarlierCall> EarlierCalls(StudioState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return [.. state.ShowHistory.Where(r => !r.SummaryPending).Select(r => new EarlierCall(r.Name, r.Kind == PartyKind.Ai, r.Summary!))];
    }

    /// <inheritdoc />
    public void Dispose() => _subscription?.Dispose();

    private async Task OnStateAsync(StudioState state)
    {
        var showId = state.Show?.Id;
        if (showId is null || showId == _loadedShow)
        {
            return;
        }

        _loadedShow = showId;
        var records = await store.ListShowAsync(showId).ConfigureAwait(false);
        await engine.PostAsync(UpdateMemoryStateCommand.SetHistory(showId, [.. records]), CancellationToken.None).ConfigureAwait(false);
    }
}
