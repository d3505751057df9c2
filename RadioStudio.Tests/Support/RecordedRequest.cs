using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace RadioStudio.Tests.Support;

/// <summary>One request the fake Twilio server received, as it arrived.</summary>
public sealed record RecordedRequest(string Method, string Path, string QueryString, string? Authorization, string? ContentType, string Body)
{
    /// <summary>The form-encoded body; a repeated key's values joined with commas.</summary>
    public IReadOnlyDictionary<string, string> Form =>
        QueryHelpers.ParseQuery(Body).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);

    /// <summary>The decoded <c>Basic</c> credentials, or null when the request carried none.</summary>
    public (string User, string Password)? BasicCredentials
    {
        get
        {
            if (Authorization is null || !Authorization.StartsWith("Basic ", StringComparison.Ordinal))
            {
                return null;
            }

            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(Authorization["Basic ".Length..]));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : (decoded[..colon], decoded[(colon + 1)..]);
        }
    }
}
