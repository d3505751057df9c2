using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Audio.Recording;

/// <summary>Source-generated log messages of the stem recorder (never called on the audio thread).</summary>
internal static partial class StemRecorderLog
{
    [LoggerMessage(600, LogLevel.Information, "Stem take started in {Folder}")]
    public static partial void TakeStarted(ILogger logger, string folder);

    [LoggerMessage(601, LogLevel.Information, "Stem take finished in {Folder}: {Blocks} blocks, {Dropped} dropped")]
    public static partial void TakeFinished(ILogger logger, string folder, long blocks, long dropped);

    [LoggerMessage(602, LogLevel.Error, "Stem take could not start in {Folder}")]
    public static partial void StartFailed(ILogger logger, Exception error, string folder);

    [LoggerMessage(603, LogLevel.Error, "Stem take in {Folder} failed; recording stopped")]
    public static partial void TakeFailed(ILogger logger, Exception error, string folder);

    [LoggerMessage(604, LogLevel.Warning, "Cleaning up a failed stem take also failed")]
    public static partial void CleanupFailed(ILogger logger, Exception error);

    [LoggerMessage(605, LogLevel.Warning, "A stem recorder status handler threw")]
    public static partial void StatusHandlerThrew(ILogger logger, Exception error);
}
