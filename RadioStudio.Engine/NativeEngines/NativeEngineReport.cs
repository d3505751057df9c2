using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Speech.PocketSphinx;

namespace RadioStudio.Engine.NativeEngines;

/// <summary>
/// At start, one warning line for each native engine that is missing, saying what the studio does instead and
/// what to install; nothing when all are there. Using a missing engine later fails with a plain message and
/// the fallback, never a stack trace.
/// </summary>
public sealed partial class NativeEngineReport(ILogger<NativeEngineReport> logger, NativeEngineProbe? probe = null) : IHostedService
{
    private readonly NativeEngineProbe _probe = probe ?? NativeEngineProbe.Current;

    /// <summary>The lines written (tests read them).</summary>
    public IReadOnlyList<string> Missing { get; private set; } = [];

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        var flite = _probe.HasExecutable("flite");
        var espeak = _probe.HasExecutable("espeak-ng");
        if (!flite)
        {
            missing.Add(espeak
                ? "flite is not installed: the offline voices are espeak-ng's, which are hard to understand (apt install flite)."
                : "flite is not installed: the offline voices are espeak-ng's (apt install flite).");
        }

        if (!espeak)
        {
            missing.Add(flite
                ? "espeak-ng is not installed: flite speaks every offline voice, with no last fallback behind it (apt install espeak-ng)."
                : "espeak-ng is not installed either: with no offline voice, AI callers without a cloud voice are heard as a placeholder murmur, their lines still in the transcript (apt install flite espeak-ng).");
        }

        if (!_probe.HasLibrary(PocketSphinxNative.PocketSphinxLibrary) || !Directory.Exists(PocketSphinxSpeechToText.DefaultModelDirectory))
        {
            missing.Add("pocketsphinx is not installed: offline speech recognition is off; type the host's lines, or configure a cloud speech-to-text (apt install libpocketsphinx3 pocketsphinx-en-us).");
        }

        if (!_probe.HasExecutable("ffmpeg"))
        {
            missing.Add("ffmpeg is not installed: music and carts play only from WAV files and the podcast master is not made (apt install ffmpeg).");
        }

        foreach (var line in missing)
        {
            Log.Missing(logger, line);
        }

        Missing = missing;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 5500, Level = LogLevel.Warning, Message = "{Line}")]
        public static partial void Missing(ILogger logger, string line);
    }
}
