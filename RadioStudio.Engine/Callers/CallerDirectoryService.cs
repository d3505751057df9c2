using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Show.Memory;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Callers;

/// <summary>
/// Feeds the directory from the engine's snapshots: when a number rings, its profile goes into
/// <see cref="StudioState.KnownCallers"/> (the queue cards show it before anyone answers) and its saved name and
/// notes pre-fill the card; what the screener types is remembered for the number.
/// </summary>
public sealed partial class CallerDirectoryService(StudioEngine engine, SqliteCallerDirectory directory, ILogger<CallerDirectoryService> logger)
    : IHostedService, IDisposable
{
    private readonly Dictionary<string, (string? Name, string? Notes)> _seen = new(StringComparer.Ordinal);
    private IDisposable? _subscription;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await directory.LoadAsync(cancellationToken).ConfigureAwait(false);
        _subscription = engine.Subscribe(OnStateAsync, TimeSpan.Zero);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The screener or host flags a number; the cards on the lines show the new flags at once.</summary>
    public async Task SetFlagsAsync(string number, bool vip, bool blocked, CancellationToken cancellationToken = default)
    {
        await directory.SetFlagsAsync(number, vip, blocked, cancellationToken).ConfigureAwait(false);
        LogFlagged(logger, number, vip, blocked);
        if (engine.Current.Lines.Any(l => l.Number == number))
        {
            var profile = await directory.LookupAsync(number, cancellationToken).ConfigureAwait(false);
            await engine.PostAsync(new UpdateMemoryStateCommand(s => s with { KnownCallers = s.KnownCallers.SetItem(number, profile) }), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _subscription?.Dispose();

    private async Task OnStateAsync(StudioState state)
    {
        try
        {
            foreach (var line in state.Lines)
            {
                if (!_seen.TryGetValue(line.Id, out var seen))
                {
                    _seen[line.Id] = (line.Name, line.Notes);
                    await ArrivedAsync(line).ConfigureAwait(false);
                }
                else if ((line.Name, line.Notes) != seen)
                {
                    _seen[line.Id] = (line.Name, line.Notes);
                    await directory.SaveDetailsAsync(line.Number, line.Name, line.Notes).ConfigureAwait(false);
                }
            }

            foreach (var gone in _seen.Keys.Where(id => !state.Lines.Any(l => l.Id == id)).ToList())
            {
                _seen.Remove(gone);
            }

            var stale = state.KnownCallers.Keys.Where(n => !state.Lines.Any(l => l.Number == n)).ToList();
            if (stale.Count > 0)
            {
                await engine.PostAsync(new UpdateMemoryStateCommand(s => s with { KnownCallers = s.KnownCallers.RemoveRange(stale.Where(n => !s.Lines.Any(l => l.Number == n))) }), CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogFailed(logger, error.Message);
        }
    }

    private async Task ArrivedAsync(PhoneLineState line)
    {
        var profile = await directory.LookupAsync(line.Number).ConfigureAwait(false);
        if (!profile.IsKnown)
        {
            return;
        }

        LogKnown(logger, line.Number, profile.CallCount);
        await engine.PostAsync(new UpdateMemoryStateCommand(s => s with { KnownCallers = s.KnownCallers.SetItem(line.Number, profile) }), CancellationToken.None).ConfigureAwait(false);
        if ((line.Name is null && profile.Name is not null) || (line.Notes is null && profile.Notes is not null))
        {
            _seen[line.Id] = (line.Name ?? profile.Name, line.Notes ?? profile.Notes);
            try
            {
                await engine.UpdateCallerDetailsAsync(line.Id, line.Name is null ? profile.Name : null, null, line.Notes is null ? profile.Notes : null).ConfigureAwait(false);
            }
            catch (StudioCommandException)
            {
                // The caller hung up before the card was filled in.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Known caller {Number} is ringing ({Count} earlier calls)")]
    private static partial void LogKnown(ILogger logger, string number, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Caller {Number} flagged: VIP {Vip}, blocked {Blocked}")]
    private static partial void LogFlagged(ILogger logger, string number, bool vip, bool blocked);

    [LoggerMessage(Level = LogLevel.Error, Message = "The caller directory couldn't follow the lines: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
