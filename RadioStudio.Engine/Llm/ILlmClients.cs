using Microsoft.Extensions.AI;

namespace RadioStudio.Engine.Llm;

/// <summary>
/// The studio's language models by purpose, already wrapped in the timeout, fallback-chain, latency and
/// logging decorators. When no provider is configured both are the offline scripted caller.
/// </summary>
public interface ILlmClients
{
    /// <summary>Caller dialogue: the AI callers' replies (streamed).</summary>
    IChatClient Dialogue { get; }

    /// <summary>Cheap tasks: should-respond decisions, summaries, persona generation, screening extraction.</summary>
    IChatClient Utility { get; }

    /// <summary>True when the offline scripted caller answers (the UI labels it "offline script").</summary>
    bool IsOffline { get; }

    /// <summary>What the host sees: "offline script" or "openai · gpt-4o-mini".</summary>
    string Label { get; }
}
