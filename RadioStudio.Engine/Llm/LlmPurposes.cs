namespace RadioStudio.Engine.Llm;

/// <summary>
/// What a chat call is for, set as <c>ChatOptions.AdditionalProperties[<see cref="PropertyKey"/>]</c>. The
/// latency metrics and logs are tagged with it, and the offline script answers each purpose in kind.
/// </summary>
public static class LlmPurposes
{
    /// <summary>The <c>ChatOptions.AdditionalProperties</c> key that carries the purpose.</summary>
    public const string PropertyKey = "radiostudio.purpose";

    /// <summary>An AI caller's spoken reply (the default when no purpose is set).</summary>
    public const string Dialogue = "dialogue";

    /// <summary>Should the AI caller jump in now? Answered "yes" or "no".</summary>
    public const string ShouldRespond = "should-respond";

    /// <summary>A one-sentence summary of a call for the show memory.</summary>
    public const string Summary = "summary";

    /// <summary>Fleshing out a persona (JSON in, JSON out).</summary>
    public const string Persona = "persona";

    /// <summary>Extracting <c>{"name":…,"topic":…}</c> from a screening exchange.</summary>
    public const string Screening = "screening";

    /// <summary>Picking the AI caller who follows up a phone call.</summary>
    public const string FollowUp = "follow-up";

    /// <summary>The purpose carried by <paramref name="options"/>, or <see cref="Dialogue"/>.</summary>
    public static string Of(Microsoft.Extensions.AI.ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PropertyKey, out var value) == true && value is string { Length: > 0 } purpose
            ? purpose
            : Dialogue;

    /// <summary>Options tagged with <paramref name="purpose"/> (a new instance when <paramref name="options"/> is null).</summary>
    public static Microsoft.Extensions.AI.ChatOptions With(string purpose, Microsoft.Extensions.AI.ChatOptions? options = null)
    {
        options ??= new Microsoft.Extensions.AI.ChatOptions();
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[PropertyKey] = purpose;
        return options;
    }
}
