namespace RadioStudio.Engine.Llm;

/// <summary>
/// How long one chat call took, for the per-turn latency log. Attached by <see cref="LatencyChatClient"/> to
/// the response (<c>AdditionalProperties[<see cref="PropertyKey"/>]</c>; for a stream, on a last update
/// without content) and handed to every <see cref="ILlmLatencySink"/>.
/// </summary>
/// <param name="Purpose">The <see cref="LlmPurposes"/> value of the call.</param>
/// <param name="ModelId">The model that answered (or failed), when known.</param>
/// <param name="TimeToFirstToken">Until the first streamed content; null for a non-streamed call or none arrived.</param>
/// <param name="Total">Until the call finished or failed.</param>
/// <param name="Succeeded">False when the call threw.</param>
public sealed record LlmCallTiming(string Purpose, string? ModelId, TimeSpan? TimeToFirstToken, TimeSpan Total, bool Succeeded)
{
    /// <summary>The <c>AdditionalProperties</c> key the timing is attached under.</summary>
    public const string PropertyKey = "radiostudio.latency";
}
