using System.ComponentModel;
using System.Text.Json.Serialization;

namespace RadioStudio.Engine.Screening;

/// <summary>
/// What the utility model fills after each caller answer, through Microsoft.Extensions.AI's typed
/// <c>GetResponseAsync&lt;T&gt;</c> (a JSON-schema response format), never by parsing free text.
/// </summary>
/// <param name="Name">The caller's name, or null when not given yet.</param>
/// <param name="Topic">What the caller wants to talk about, or null when not given yet.</param>
/// <param name="Summary">One sentence for the host, or null.</param>
/// <param name="Done">True when the screener has what it needs (or the caller will not say more).</param>
[Description("What a radio show's call screener has learned from a caller so far.")]
public sealed record ScreeningExtraction(
    [property: JsonPropertyName("name"), Description("The caller's first name (or full name), null if not given.")] string? Name,
    [property: JsonPropertyName("topic"), Description("What the caller wants to talk about on air, a short phrase, null if not given.")] string? Topic,
    [property: JsonPropertyName("summary"), Description("One sentence for the host about this caller, null if nothing yet.")] string? Summary,
    [property: JsonPropertyName("done"), Description("True when both name and a clear topic are known.")] bool Done);
