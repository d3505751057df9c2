namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>Reads the <c>bodySHA256</c> query parameter Twilio adds to the URL of a JSON-body webhook.</summary>
internal static class BodyHashParameter
{
    private const string Name = "bodySHA256";

    /// <summary>The unescaped value of the first <c>bodySHA256</c> parameter, or null when there is none.</summary>
    public static string? Find(string url)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return null;
        }

        var fragment = url.IndexOf('#', queryStart);
        var query = url.AsSpan(queryStart + 1, (fragment < 0 ? url.Length : fragment) - queryStart - 1);
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            var equals = pair.IndexOf('=');
            if (equals == Name.Length && pair.StartsWith(Name, StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..].ToString());
            }
        }

        return null;
    }
}
