using System.ComponentModel.DataAnnotations;

namespace RadioStudio.Engine.Telephony;

/// <summary>
/// The <c>Twilio</c> section. With no AccountSid/AuthToken the studio runs in local mode: the built-in
/// phone simulator is the only caller, signed with a token generated at start, and no REST call leaves
/// the machine. Secrets (AuthToken) come from environment variables or user-secrets only.
/// </summary>
public sealed class TwilioOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Twilio";

    /// <summary>Account SID (AC…). Empty: local mode.</summary>
    [RegularExpression("^(AC[0-9a-fA-F]{32})?$", ErrorMessage = "an Account SID is AC followed by 32 hex digits")]
    public string? AccountSid { get; set; }

    /// <summary>Auth token: signs webhooks and authenticates REST calls. Never in appsettings.json.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The studio's phone number (E.164), shown on the console.</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>
    /// The URL Twilio reaches the studio at (a tunnel or reverse proxy), e.g. https://studio.example.com.
    /// Used to check webhook signatures and to build the wss:// stream URL. Empty: the studio's own address.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>REST API base; SignalWire and other compatible carriers use their own host.</summary>
    [Required, Url]
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>Said to callers who reach the studio on air, before they join the hold queue.</summary>
    [Required, StringLength(500, MinimumLength = 1)]
    public string Greeting { get; set; } = "Thanks for calling the show! Hang on, you're in the queue.";

    /// <summary>Said to callers while the studio is off air, before hanging up.</summary>
    [Required, StringLength(500, MinimumLength = 1)]
    public string OffAirMessage { get; set; } = "The show is off the air right now. Please call back during the show. Goodbye.";

    /// <summary>Said to callers refused while lines are blocked (block-all).</summary>
    [Required, StringLength(500, MinimumLength = 1)]
    public string BusyMessage { get; set; } = "Sorry, the lines are closed right now. Please try again later.";

    /// <summary>Optional TwiML &lt;Say&gt; voice, e.g. Polly.Joanna.</summary>
    public string? SayVoice { get; set; }

    /// <summary>
    /// Media stream format: <c>PCMU@8000h</c> (Twilio; the default) or, on carriers that offer it,
    /// <c>L16@16000h</c> / <c>L16@24000h</c> (sent as the &lt;Stream codec&gt; attribute).
    /// </summary>
    [Required, RegularExpression("^(?i:PCMU@8000h|L16@16000h|L16@24000h)$", ErrorMessage = "use PCMU@8000h, L16@16000h or L16@24000h")]
    public string StreamCodec { get; set; } = "PCMU@8000h";

    /// <summary>The <see cref="StreamCodec"/> as a codec.</summary>
    public StreamCodec Codec => Telephony.StreamCodec.Find(StreamCodec) ?? Telephony.StreamCodec.Pcmu;

    /// <summary>Hold music file (WAV, any rate); empty for the generated bed.</summary>
    public string? HoldMusicFile { get; set; }

    /// <summary>Most calls the studio holds at once (queue + on air); more callers hear the busy message.</summary>
    [Range(1, 500)]
    public int MaxLines { get; set; } = 64;

    /// <summary>Largest WebSocket message accepted from a media stream, in bytes.</summary>
    [Range(1024, 1_048_576)]
    public int MaxMessageBytes { get; set; } = 16 * 1024;

    /// <summary>A media stream socket that has not sent a valid <c>start</c> within this many seconds is closed.</summary>
    [Range(1, 60)]
    public int StreamStartTimeoutSeconds { get; set; } = 5;

    /// <summary>At most this many stream sockets may be open without a valid <c>start</c>; more are refused (503).</summary>
    [Range(1, 1000)]
    public int MaxPendingStreams { get; set; } = 32;

    /// <summary>Largest webhook body accepted (Twilio's forms are a few KB); larger gets 413 without being read.</summary>
    [Range(4096, 1_048_576)]
    public int MaxWebhookBodyBytes { get; set; } = 64 * 1024;

    /// <summary>True when real Twilio credentials are configured.</summary>
    public bool HasCredentials => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken);

    /// <summary>Half a set of credentials is a mistake, not local mode.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(AccountSid) != string.IsNullOrWhiteSpace(AuthToken))
        {
            yield return new ValidationResult(
                "set both AccountSid and AuthToken (AuthToken through an environment variable or user-secrets), or neither for local mode",
                [string.IsNullOrWhiteSpace(AuthToken) ? nameof(AuthToken) : nameof(AccountSid)]);
        }
    }
}
