using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Speech.Whisper;

/// <summary>Source-generated log messages of the local Whisper recogniser. Never the text heard.</summary>
internal static partial class WhisperLog
{
    [LoggerMessage(711, LogLevel.Information, "Speech-to-text: Whisper model {Model} loaded ({Megabytes:0.#} MB, {Threads} threads)")]
    public static partial void Loaded(ILogger logger, string model, double megabytes, int threads);

    [LoggerMessage(712, LogLevel.Warning, "Speech-to-text: the Whisper model {Path} could not be loaded, pocketsphinx transcribes instead: {Reason}")]
    public static partial void LoadFailed(ILogger logger, string path, string reason, Exception error);

    [LoggerMessage(713, LogLevel.Warning, "Speech-to-text: provider whisper has no model ({Reason}), pocketsphinx transcribes instead")]
    public static partial void NoModel(ILogger logger, string reason);
}
