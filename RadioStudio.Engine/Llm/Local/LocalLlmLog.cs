using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Llm.Local;

/// <summary>Source-generated log messages of the local model. Never prompts or replies.</summary>
internal static partial class LocalLlmLog
{
    [LoggerMessage(721, LogLevel.Information, "LLM: local model {Model} loaded ({Megabytes:0.#} MB, context {Context}, {Threads} threads)")]
    public static partial void Loaded(ILogger logger, string model, double megabytes, int context, int threads);

    [LoggerMessage(722, LogLevel.Warning, "LLM: the local model {Path} could not be loaded, the offline script answers instead: {Reason}")]
    public static partial void LoadFailed(ILogger logger, string path, string reason, Exception error);

    [LoggerMessage(723, LogLevel.Warning, "LLM: provider local has no model ({Reason}), the offline script answers instead")]
    public static partial void NoModel(ILogger logger, string reason);

    [LoggerMessage(724, LogLevel.Warning, "llama.cpp: {Message}")]
    public static partial void Native(ILogger logger, string message);
}
