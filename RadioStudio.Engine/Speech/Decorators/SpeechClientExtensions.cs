using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Speech.Decorators;

/// <summary>
/// Builds decorated speech clients in the style of Microsoft.Extensions.AI:
/// <c>cloud.WithTimeout(TimeSpan.FromSeconds(5)).WithFallback(offline, logger).WithMetrics(metrics, logger)</c>.
/// </summary>
public static class SpeechClientExtensions
{
    /// <summary>Wraps in <see cref="TimeoutSpeechToText"/>; <paramref name="overall"/> defaults to three times <paramref name="firstUpdate"/>.</summary>
    public static ISpeechToText WithTimeout(this ISpeechToText client, TimeSpan firstUpdate, TimeSpan? overall = null, TimeProvider? timeProvider = null) =>
        new TimeoutSpeechToText(client, firstUpdate, overall ?? (firstUpdate * 3), timeProvider);

    /// <summary>Wraps in <see cref="TimeoutTextToSpeech"/>; <paramref name="overall"/> defaults to six times <paramref name="firstAudio"/>.</summary>
    public static ITextToSpeech WithTimeout(this ITextToSpeech client, TimeSpan firstAudio, TimeSpan? overall = null, TimeProvider? timeProvider = null) =>
        new TimeoutTextToSpeech(client, firstAudio, overall ?? (firstAudio * 6), timeProvider);

    /// <summary>Wraps in <see cref="FallbackSpeechToText"/>.</summary>
    public static ISpeechToText WithFallback(this ISpeechToText client, ISpeechToText fallback, ILogger? logger = null) =>
        new FallbackSpeechToText(client, fallback, logger);

    /// <summary>Wraps in <see cref="FallbackTextToSpeech"/>.</summary>
    public static ITextToSpeech WithFallback(this ITextToSpeech client, ITextToSpeech fallback, ILogger? logger = null) =>
        new FallbackTextToSpeech(client, fallback, logger);

    /// <summary>Wraps in <see cref="MeteredSpeechToText"/>.</summary>
    public static ISpeechToText WithMetrics(this ISpeechToText client, SpeechMetrics metrics, ILogger? logger = null, TimeProvider? timeProvider = null) =>
        new MeteredSpeechToText(client, metrics, logger, timeProvider);

    /// <summary>Wraps in <see cref="MeteredTextToSpeech"/>.</summary>
    public static ITextToSpeech WithMetrics(this ITextToSpeech client, SpeechMetrics metrics, ILogger? logger = null, TimeProvider? timeProvider = null) =>
        new MeteredTextToSpeech(client, metrics, logger, timeProvider);
}
