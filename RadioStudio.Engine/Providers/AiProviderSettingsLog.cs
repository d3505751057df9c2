using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Providers;

internal static partial class AiProviderSettingsLog
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "AI providers changed: LLM {Llm}, speech-to-text {SpeechToText}, text-to-speech {TextToSpeech}")]
    public static partial void Applied(ILogger logger, string llm, string speechToText, string textToSpeech);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Saved AI providers restored: LLM {Llm}, speech-to-text {SpeechToText}, text-to-speech {TextToSpeech}")]
    public static partial void Restored(ILogger logger, string llm, string speechToText, string textToSpeech);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Warning, Message = "Saved AI providers ignored, appsettings.json applies: {Problems}")]
    public static partial void SavedIgnored(ILogger logger, string problems);
}
