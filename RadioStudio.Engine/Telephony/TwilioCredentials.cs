using System.Security.Cryptography;

namespace RadioStudio.Engine.Telephony;

/// <summary>
/// The credentials webhooks are checked against: the configured Twilio ones, or in local mode a token
/// generated at start and known only to this process and its phone simulator, so the real validation
/// path runs for every call either way.
/// </summary>
public sealed record TwilioCredentials(string AccountSid, string AuthToken, bool Local)
{
    /// <summary>From configuration, or fresh local ones.</summary>
    public static TwilioCredentials From(TwilioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.HasCredentials
            ? new TwilioCredentials(options.AccountSid!, options.AuthToken!, Local: false)
            : new TwilioCredentials("AC" + RandomNumberGenerator.GetHexString(32, lowercase: true), RandomNumberGenerator.GetHexString(32, lowercase: true), Local: true);
    }
}
