using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Engine.Shutdown;

/// <summary>
/// Ends the phone side of a show the moment the process is told to stop, before the web server waits for open
/// connections: each real caller is sent a short "we'll be right back" and hung up through Twilio's REST API
/// (one call update, inline TwiML), then every media stream is closed. Without this the server waited its whole
/// shutdown timeout (30 s) for the streams and then aborted them.
/// </summary>
public sealed partial class PhoneSignOff(
    PhoneSystem phones, TwilioRestClient rest, IHostApplicationLifetime lifetime, IOptions<ShutdownOptions> options,
    IOptions<TwilioOptions> twilio, ILogger<PhoneSignOff> logger) : IHostedService
{
    private CancellationTokenRegistration _registration;

    /// <summary>Finishes when the callers have been signed off (or the time for it ran out).</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = lifetime.ApplicationStopping.Register(() => Completion = Task.Run(SignOffAsync));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _registration.DisposeAsync().ConfigureAwait(false);
        await Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task SignOffAsync()
    {
        var settings = options.Value;
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(settings.TimeoutSeconds * 0.6));
        var lines = phones.Lines.ToList();
        if (lines.Count > 0)
        {
            Log.SigningOff(logger, lines.Count);
        }

        if (settings.HangUpCallers && !phones.Credentials.Local)
        {
            var twiml = new TwimlBuilder().Say(settings.CallerMessage, twilio.Value.SayVoice).Hangup().Build();
            await Task.WhenAll(lines.Where(l => !l.Simulated).Select(l => SayGoodbyeAsync(l, twiml, budget.Token))).ConfigureAwait(false);
        }

        try
        {
            await phones.StopAsync(budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Out of time: the streams were closed first thing in the stop; what is left ends with the process.
        }
    }

    private async Task SayGoodbyeAsync(PhoneLine line, string twiml, CancellationToken cancellationToken)
    {
        try
        {
            var result = await rest.RedirectCallAsync(line.CallSid, twiml, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == CallUpdateOutcome.Failed)
            {
                Log.GoodbyeFailed(logger, line.Number, result.Message ?? "unknown error");
            }
        }
        catch (OperationCanceledException)
        {
            Log.GoodbyeFailed(logger, line.Number, "Twilio did not answer in time");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Shutting down mid-show: telling {Count} phone caller(s) we'll be right back")]
        public static partial void SigningOff(ILogger logger, int count);

        [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Could not say goodbye to {Number}: {Reason} (their stream is closed anyway)")]
        public static partial void GoodbyeFailed(ILogger logger, string number, string reason);
    }
}
