namespace RadioStudio.Engine.Speech;

/// <summary>Turns a failed HTTP answer from a speech API into a <see cref="SpeechProviderException"/> with a short excerpt of the body.</summary>
internal static class HttpSpeechErrors
{
    private const int MaxBodyChars = 300;

    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string provider, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var excerpt = body.Length > MaxBodyChars ? body[..MaxBodyChars] : body;
        throw new SpeechProviderException(
            $"{provider} answered {(int)response.StatusCode} {response.ReasonPhrase}: {excerpt}",
            new HttpRequestException(excerpt, null, response.StatusCode));
    }
}
