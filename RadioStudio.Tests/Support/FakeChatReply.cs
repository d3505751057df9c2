namespace RadioStudio.Tests.Support;

/// <summary>How the fake answers one chat request.</summary>
/// <param name="Tokens">Content pieces streamed one per chunk.</param>
/// <param name="FirstTokenDelay">Delay before the first chunk.</param>
/// <param name="TokenInterval">Delay between chunks.</param>
/// <param name="Status">200, or an error status answered after <paramref name="FirstTokenDelay"/>.</param>
/// <param name="FinishReason">"stop", or "length" for a reply cut off by the token limit.</param>
public sealed record FakeChatReply(IReadOnlyList<string> Tokens, TimeSpan FirstTokenDelay, TimeSpan TokenInterval, int Status = 200, string FinishReason = "stop", string? HtmlBody = null)
{
    /// <summary>A reply split into word tokens (each keeps its leading space), streamed at once.</summary>
    public static FakeChatReply Text(string text, TimeSpan firstToken = default, TimeSpan interval = default) =>
        new(Words(text), firstToken, interval);

    /// <summary>A structured-output answer: the JSON object as the message content, sent whole.</summary>
    public static FakeChatReply Json(System.Text.Json.Nodes.JsonObject content, TimeSpan delay = default) =>
        new([content.ToJsonString()], delay, TimeSpan.Zero);

    /// <summary>True when the request asks for structured output (<c>response_format</c> json_schema or json_object).</summary>
    public static bool IsStructured(System.Text.Json.Nodes.JsonObject request) =>
        (string?)request?["response_format"]?["type"] is "json_schema" or "json_object";

    /// <summary>An error status after <paramref name="delay"/>.</summary>
    public static FakeChatReply Error(int status, TimeSpan delay = default) => new([], delay, TimeSpan.Zero, status);

    /// <summary>A 200 answer that is not what was asked for: an HTML page (a captive portal, a proxy's login page).</summary>
    public static FakeChatReply Html(string page) => new([], TimeSpan.Zero, TimeSpan.Zero, HtmlBody: page);

    /// <summary>Splits text into tokens that concatenate back to it.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ' ')
            {
                tokens.Add(text[start..i]);
                start = i;
            }
        }

        return tokens;
    }
}
