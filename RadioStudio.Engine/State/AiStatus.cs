namespace RadioStudio.Engine.State;

/// <summary>What the AI side is doing, pushed to the console: providers, the caller on air, the turn phase and its latency.</summary>
public sealed record AiStatus
{
    /// <summary>Before the AI side has started.</summary>
    public static AiStatus Initial { get; } = new();

    /// <summary>The dialogue model the host sees: "offline script" or "openai · gpt-4o-mini".</summary>
    public string Llm { get; init; } = "offline script";

    /// <summary>True when the offline scripted caller answers (labelled in the UI).</summary>
    public bool OfflineScript { get; init; } = true;

    /// <summary>Speech-to-text provider and model.</summary>
    public string SpeechToText { get; init; } = "offline";

    /// <summary>Text-to-speech provider and model.</summary>
    public string TextToSpeech { get; init; } = "offline";

    /// <summary>The board slot whose AI caller is on the line, or null.</summary>
    public int? ActiveSlot { get; init; }

    /// <summary>What the AI caller on the line is doing.</summary>
    public AiPhase Phase { get; init; } = AiPhase.Idle;

    /// <summary>The host holds push-to-talk.</summary>
    public bool PushToTalk { get; init; }

    /// <summary>The last AI turn's timings, or null before the first.</summary>
    public TurnLatency? LastTurn { get; init; }

    /// <summary>A provider or pipeline problem the host should know about, or null.</summary>
    public string? Problem { get; init; }
}
