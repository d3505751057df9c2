using System.Security.Cryptography;
using System.Text;

namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>
/// Checks the <c>X-Twilio-Signature</c> of a webhook: HMAC-SHA1 (keyed with the Auth Token) over the URL
/// Twilio requested followed by every POST parameter as key + value, keys sorted ordinally, repeated keys
/// sorted by value. The URL must be the public one Twilio used (behind a tunnel, not Kestrel's own).
/// </summary>
/// <param name="authToken">The account's Auth Token (or the local simulator's generated token).</param>
public sealed class TwilioRequestValidator(string authToken)
{
    private readonly byte[] _key = KeyOf(authToken);

    /// <summary>
    /// True when <paramref name="signature"/> signs a form-encoded request to <paramref name="url"/> with
    /// <paramref name="parameters"/>, the URL spelt either without a port or with one. Never throws for a
    /// missing or malformed signature.
    /// </summary>
    public bool Validate(string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var signed = Encoding.UTF8.GetBytes(signature);
        var sorted = SortedPairs(parameters);
        var valid = false;
        foreach (var form in SignedUrlForms.Of(url))
        {
            // No early exit: every form costs the same whatever the signature holds.
            valid |= CryptographicOperations.FixedTimeEquals(Compute(_key, form, sorted), signed);
        }

        return valid;
    }

    /// <summary>
    /// True for a JSON-body webhook: the URL's <c>bodySHA256</c> query value is the lowercase hex SHA-256
    /// of <paramref name="body"/> (UTF-8) and <paramref name="signature"/> signs the URL alone.
    /// </summary>
    public bool ValidateBody(string url, string body, string? signature)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(body);
        var claimed = Encoding.UTF8.GetBytes(BodyHashParameter.Find(url) ?? string.Empty);
        var actual = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
        var bodyMatches = CryptographicOperations.FixedTimeEquals(actual, claimed);
        return Validate(url, [], signature) & bodyMatches;
    }

    /// <summary>The Base64 signature Twilio would send for this request (the phone simulator signs with it).</summary>
    public static string ComputeSignature(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        return Encoding.ASCII.GetString(Compute(KeyOf(authToken), url, SortedPairs(parameters)));
    }

    private static byte[] Compute(byte[] key, string url, List<KeyValuePair<string, string>> sorted)
    {
        var text = new StringBuilder(url);
        foreach (var (name, value) in sorted)
        {
            text.Append(name).Append(value);
        }

        // SHA-1 is Twilio's choice, not ours: the header is defined as HMAC-SHA1.
#pragma warning disable CA5350
        var mac = HMACSHA1.HashData(key, Encoding.UTF8.GetBytes(text.ToString()));
#pragma warning restore CA5350
        return Encoding.ASCII.GetBytes(Convert.ToBase64String(mac));
    }

    private static List<KeyValuePair<string, string>> SortedPairs(IEnumerable<KeyValuePair<string, string>> parameters) =>
        [.. parameters
            .Select(p => KeyValuePair.Create(p.Key ?? string.Empty, p.Value ?? string.Empty))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)];

    private static byte[] KeyOf(string authToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        return Encoding.UTF8.GetBytes(authToken);
    }
}
