using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Speech.Decorators;

/// <summary>Source-generated log messages of the speech decorators. Never the text spoken or heard, never a key.</summary>
internal static partial class SpeechLog
{
    [LoggerMessage(701, LogLevel.Warning, "{Seam} {Provider}/{Model} failed, using {FallbackProvider}/{FallbackModel} instead: {Reason}")]
    public static partial void FallingBack(ILogger logger, string seam, string provider, string model, string fallbackProvider, string fallbackModel, string reason, Exception? error);

    [LoggerMessage(702, LogLevel.Debug, "{Seam} {Provider}/{Model}: first result after {FirstMs:0} ms, done after {TotalMs:0} ms")]
    public static partial void Completed(ILogger logger, string seam, string provider, string model, double firstMs, double totalMs);

    [LoggerMessage(703, LogLevel.Warning, "{Seam} {Provider}/{Model} failed after {TotalMs:0} ms: {Reason}")]
    public static partial void Failed(ILogger logger, string seam, string provider, string model, double totalMs, string reason, Exception? error);
}
