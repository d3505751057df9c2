using System.Text.Json.Nodes;

namespace RadioStudio.Tests.Support;

/// <summary>One request <see cref="FakeOpenAiServer"/> received.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">e.g. /v1/chat/completions.</param>
/// <param name="Authorization">The Authorization header (Bearer key), if any.</param>
/// <param name="Body">JSON body, or the form fields of a transcription upload.</param>
/// <param name="FileBytes">Size of an uploaded audio file.</param>
public sealed record FakeOpenAiRequest(string Method, string Path, string? Authorization, string Body, long FileBytes)
{
    /// <summary>The body parsed as JSON (null for uploads).</summary>
    public JsonObject? Json => Body.StartsWith('{') ? JsonNode.Parse(Body) as JsonObject : null;
}
