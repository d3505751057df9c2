using System.ComponentModel.DataAnnotations;

namespace RadioStudio.Engine.Screening;

/// <summary>The AI screener that greets and screens every holding caller (<c>Screening</c> section).</summary>
public sealed class ScreeningOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Screening";

    /// <summary>Screen every holding caller.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The screener's voice (the speech provider's voice name); empty = the provider's default.</summary>
    public string? Voice { get; set; }

    /// <summary>Seconds the screener waits for an answer before asking again.</summary>
    [Range(2, 60)]
    public int AnswerWaitSeconds { get; set; } = 10;

    /// <summary>First line; <c>{show}</c> is the show's name. Never claims to be the host.</summary>
    [Required]
    public string Greeting { get; set; } = "Thanks for calling {show}! I'm the show's screener, not the host.";

    /// <summary>Asked first.</summary>
    [Required]
    public string NameQuestion { get; set; } = "What's your name?";

    /// <summary>Asked once the name is known.</summary>
    [Required]
    public string TopicQuestion { get; set; } = "And what would you like to talk about tonight?";

    /// <summary>Greeting for a caller the directory knows; <c>{name}</c> is their name.</summary>
    [Required]
    public string KnownCallerGreeting { get; set; } = "Welcome back to {show}, {name}! I'm the screener.";

    /// <summary>Said before a question is asked again (silence, or an answer that told the screener nothing new).</summary>
    [Required]
    public string Reprompt { get; set; } = "Sorry, I didn't catch that.";

    /// <summary>Asked once when the topic is vague.</summary>
    [Required]
    public string FollowUp { get; set; } = "Could you tell me a little more about that?";

    /// <summary>Said when done (or when time or turns run out).</summary>
    [Required]
    public string Closing { get; set; } = "Great, sit tight, we'll get you on.";

    /// <summary>Caller answers the screener waits for before giving up ("screening incomplete").</summary>
    [Range(1, 20)]
    public int MaxTurns { get; set; } = 5;

    /// <summary>Seconds from the start of screening after which it gives up ("screening incomplete").</summary>
    [Range(10, 900)]
    public int GiveUpSeconds { get; set; } = 120;

    /// <summary>Screening provider calls (STT, LLM, TTS) in flight at once across all lines; the on-air turn is never counted here.</summary>
    [Range(1, 64)]
    public int MaxProviderConcurrency { get; set; } = 4;

    /// <summary>Caller audio ignored after the screener stops speaking (ms), so it never answers its own echo.</summary>
    [Range(0, 2000)]
    public int EchoTailMilliseconds { get; set; } = 300;

    /// <summary>Hold music level while the screener and caller talk (dB, negative).</summary>
    [Range(-60, 0)]
    public double HoldDuckDb { get; set; } = -30;
}
