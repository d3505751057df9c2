namespace RadioStudio.Engine.Llm;

/// <summary>Receives the timing of every chat call <see cref="LatencyChatClient"/> measures (e.g. for the latency panel).</summary>
public interface ILlmLatencySink
{
    /// <summary>Called once per call, on the thread that finished it; must not block.</summary>
    void Record(LlmCallTiming timing);
}
